package io.minicontainer.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * The libc calls the Java side needs, and the only place in the project that touches
 * {@code java.lang.foreign}. Every call returns a Java value or throws {@link SyscallException}.
 *
 * <p>The JVM is multi-threaded, so it never forks or changes namespaces itself: it writes a
 * launch plan and {@link #execve replaces itself} with the C helper. Creating a downcall handle
 * costs tens of milliseconds at start-up, so each handle is made on first use (holder classes),
 * and the hot path needs exactly one: a plain execve, without errno capture.
 */
@SuppressWarnings("restricted") // the one place allowed to call native code
public final class Libc {
    private static final Linker LINKER = Linker.nativeLinker();

    private Libc() {}

    private static final class Execve {
        static final MethodHandle HANDLE = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("execve"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                        ValueLayout.ADDRESS));
    }

    /** Only for failures: the same call again, this time with errno captured. */
    private static final class ExecveWithErrno {
        static final MethodHandle HANDLE = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("execve"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                        ValueLayout.ADDRESS),
                Linker.Option.captureCallState("errno"));
        static final VarHandle ERRNO = Linker.Option.captureStateLayout()
                .varHandle(MemoryLayout.PathElement.groupElement("errno"));
    }

    private static final class Strerror {
        static final MethodHandle HANDLE = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("strerror"),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    }

    /**
     * Builds the execve downcall on a background thread, so its 15-25 ms overlap the CLI's own
     * work on the other core; {@link #execve} waits for it (class initialization is once).
     */
    public static void prepareExecve() {
        Thread warmUp = new Thread(Libc::warmUpExecve, "prepare-execve");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** The downcall handle, and the memory API execve's arguments use: both are slow the first time. */
    private static void warmUpExecve() {
        Execve.HANDLE.type();
        try (Arena arena = Arena.ofConfined()) {
            stringArray(arena, List.of("warm-up"));
        }
    }

    /** Replaces this process (every JVM thread with it); returns only by throwing. */
    public static void execve(String path, List<String> argv, List<String> env) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment file = arena.allocateFrom(path);
            MemorySegment args = stringArray(arena, argv);
            MemorySegment envp = stringArray(arena, env);
            int rc = (int) Execve.HANDLE.invokeExact(file, args, envp);
            // still here, so it failed: errno may be gone by now, and a failing execve changes
            // nothing, so ask once more with errno captured
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            rc = (int) ExecveWithErrno.HANDLE.invokeExact(state, file, args, envp);
            int errno = (int) ExecveWithErrno.ERRNO.get(state, 0L);
            throw new SyscallException("execve", path, errno, strerror(errno));
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("execve " + path, t);
        }
    }

    /** The C library's text for an errno value, e.g. "Operation not permitted". */
    public static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) Strerror.HANDLE.invokeExact(errno);
            return text.reinterpret(4096).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    private static MemorySegment stringArray(Arena arena, List<String> strings) {
        MemorySegment array = arena.allocate(ValueLayout.ADDRESS, strings.size() + 1);
        for (int i = 0; i < strings.size(); i++) {
            array.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(strings.get(i)));
        }
        array.setAtIndex(ValueLayout.ADDRESS, strings.size(), MemorySegment.NULL);
        return array;
    }
}
