package io.minicontainer.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * An open network namespace (an fd of /proc/PID/ns/net or of a bind mount of one). It can be
 * handed to the kernel (IFLA_NET_NS_FD moves a link into it), and code can run inside it.
 *
 * <p>The network namespace is per thread in Linux, and a JVM thread that changed namespace must
 * never run anything else: {@link #callInside} makes a new platform thread for one task, which
 * ends with it. Sockets the task opens stay in the namespace even after the thread is gone.
 */
@SuppressWarnings("restricted") // FFM lives in sys only
public final class NetNamespace implements AutoCloseable {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int CLONE_NEWNET = 0x40000000;

    private static final class Calls {
        // open(2) is variadic; without O_CREAT the mode is never read, so two fixed arguments suffice
        static final MethodHandle OPEN = downcall("open", ValueLayout.ADDRESS, ValueLayout.JAVA_INT);
        static final MethodHandle SETNS = downcall("setns", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
        static final MethodHandle UNSHARE = downcall("unshare", ValueLayout.JAVA_INT);
        static final MethodHandle MOUNT = downcall("mount", ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                ValueLayout.JAVA_LONG, ValueLayout.ADDRESS);
        static final MethodHandle UMOUNT2 = downcall("umount2", ValueLayout.ADDRESS, ValueLayout.JAVA_INT);

        private static MethodHandle downcall(String name, MemoryLayout... arguments) {
            return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, arguments), Linker.Option.captureCallState("errno"));
        }
    }

    private final Path path;
    private final int fd;
    private boolean closed;

    private NetNamespace(Path path, int fd) {
        this.path = path;
        this.fd = fd;
    }

    private static final long MS_BIND = 4096;
    private static final int MNT_DETACH = 2;

    /**
     * A new, empty network namespace kept alive by a bind mount on {@code file} (created here), as
     * {@code ip netns add} does: made by a thread of its own, which unshares only its own namespace
     * and then ends. A container joins it by path; {@link #removePersistent} lets it go.
     */
    public static void createPersistent(Path file) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().daemon().name("new netns " + file).unstarted(() -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
                Errno.check((int) Calls.UNSHARE.invokeExact(state, CLONE_NEWNET), state, "unshare", "CLONE_NEWNET");
                java.nio.file.Files.createFile(file);
                int rc = (int) Calls.MOUNT.invokeExact(state, arena.allocateFrom("/proc/thread-self/ns/net"),
                        arena.allocateFrom(file.toString()), MemorySegment.NULL, MS_BIND, MemorySegment.NULL);
                Errno.check(rc, state, "mount", file.toString());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.start();
        joinUninterruptibly(thread);
        if (failure.get() != null) {
            removePersistent(file);
            throw Errno.rethrown(failure.get(), "create network namespace " + file);
        }
    }

    /** Unmounts and deletes a namespace file; the namespace ends once no process is in it. Fine if absent. */
    public static void removePersistent(Path file) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            int ignored = (int) Calls.UMOUNT2.invokeExact(state, arena.allocateFrom(file.toString()), MNT_DETACH);
            java.nio.file.Files.deleteIfExists(file);
        } catch (Throwable t) {
            throw Errno.rethrown(t, "remove network namespace " + file);
        }
    }

    /** The network namespace of a running process; it stays valid while this is open, even after the process exits. */
    public static NetNamespace ofProcess(long pid) {
        return open(Path.of("/proc", Long.toString(pid), "ns", "net"));
    }

    public static NetNamespace open(Path path) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            int fd = (int) Calls.OPEN.invokeExact(state, arena.allocateFrom(path.toString()), O_RDONLY | O_CLOEXEC);
            Errno.check(fd, state, "open", path.toString());
            return new NetNamespace(path, fd);
        } catch (Throwable t) {
            throw Errno.rethrown(t, "open " + path);
        }
    }

    public int fd() {
        return fd;
    }

    public Path path() {
        return path;
    }

    /**
     * Runs {@code task} on a new platform thread that first enters this namespace, waits for it and
     * returns its result; its exceptions are rethrown here. The thread is never reused.
     */
    public <T> T callInside(Supplier<T> task) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().daemon().name("netns " + path).unstarted(() -> {
            try {
                enter();
                result.set(task.get());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.start();
        joinUninterruptibly(thread);
        Throwable t = failure.get();
        if (t == null) {
            return result.get();
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("in network namespace " + path, t);
    }

    /** setns(2) for the calling thread only: threads do not share their network namespace. */
    private void enter() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            int rc = (int) Calls.SETNS.invokeExact(state, fd, CLONE_NEWNET);
            Errno.check(rc, state, "setns", path.toString());
        } catch (Throwable t) {
            throw Errno.rethrown(t, "setns " + path);
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // the task is short and must not be left running unseen
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Descriptors.closeQuietly(fd);
    }
}
