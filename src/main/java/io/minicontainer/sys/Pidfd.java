package io.minicontainer.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Optional;

/**
 * A process held by a pidfd: once opened it names that process and no other, even after its pid
 * is reused, so signals never reach a stranger. It reads as ready when the process has exited.
 */
@SuppressWarnings("restricted") // FFM lives in sys only
public final class Pidfd implements AutoCloseable {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final int ESRCH = 3;
    private static final int EINTR = 4;
    private static final short POLLIN = 1;
    private static final MemoryLayout POLLFD = MemoryLayout.structLayout(ValueLayout.JAVA_INT.withName("fd"),
            ValueLayout.JAVA_SHORT.withName("events"), ValueLayout.JAVA_SHORT.withName("revents"));
    private static final VarHandle ERRNO = Linker.Option.captureStateLayout()
            .varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final class Calls {
        static final MethodHandle OPEN = downcall("pidfd_open", FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        static final MethodHandle SEND_SIGNAL = downcall("pidfd_send_signal", FunctionDescriptor.of(
                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                ValueLayout.JAVA_INT));
        static final MethodHandle POLL = downcall("poll", FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));

        private static MethodHandle downcall(String name, FunctionDescriptor descriptor) {
            return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), descriptor,
                    Linker.Option.captureCallState("errno"));
        }
    }

    private final long pid;
    private final int fd;

    private Pidfd(long pid, int fd) {
        this.pid = pid;
        this.fd = fd;
    }

    /** The process, or empty when it is gone. */
    public static Optional<Pidfd> open(long pid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            int fd = (int) Calls.OPEN.invokeExact(state, (int) pid, 0);
            if (fd >= 0) {
                return Optional.of(new Pidfd(pid, fd));
            }
            int errno = (int) ERRNO.get(state, 0L);
            if (errno == ESRCH) {
                return Optional.empty();
            }
            throw new SyscallException("pidfd_open", Long.toString(pid), errno, Libc.strerror(errno));
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("pidfd_open " + pid, t);
        }
    }

    /** Sends {@code signal}; false when the process has already exited. */
    public boolean signal(int signal) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            int rc = (int) Calls.SEND_SIGNAL.invokeExact(state, fd, signal, MemorySegment.NULL, 0);
            if (rc == 0) {
                return true;
            }
            int errno = (int) ERRNO.get(state, 0L);
            if (errno == ESRCH) {
                return false;
            }
            throw new SyscallException("pidfd_send_signal", pid + " " + signal, errno, Libc.strerror(errno));
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("pidfd_send_signal " + pid, t);
        }
    }

    /** Waits until the process has exited (or is a zombie); false when {@code timeout} passed first. */
    public boolean awaitExit(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            MemorySegment pollfd = arena.allocate(POLLFD);
            pollfd.set(ValueLayout.JAVA_INT, 0, fd);
            pollfd.set(ValueLayout.JAVA_SHORT, 4, POLLIN);
            for (;;) {
                long leftMillis = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
                int rc = (int) Calls.POLL.invokeExact(state, pollfd, 1L, (int) Math.min(leftMillis, Integer.MAX_VALUE));
                if (rc > 0) {
                    return true;
                }
                if (rc == 0) {
                    return false;
                }
                int errno = (int) ERRNO.get(state, 0L);
                if (errno != EINTR) {
                    throw new SyscallException("poll", "pidfd of " + pid, errno, Libc.strerror(errno));
                }
            }
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("poll pidfd " + pid, t);
        }
    }

    @Override
    public void close() {
        Descriptors.closeQuietly(fd);
    }
}
