package io.minicontainer.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.time.Instant;

/**
 * File calls the JDK cannot make safely for unpacking image layers: device nodes, xattrs on the
 * link itself, and owner, mode and times without opening the file (the JDK's NOFOLLOW_LINKS
 * variants open it, which blocks on a FIFO and has side effects on devices).
 *
 * <p>Each downcall handle is made on first use (one holder class per call), so CLI commands that
 * never unpack a layer do not pay for them. Every call returns or throws {@link SyscallException}.
 */
@SuppressWarnings("restricted") // sys is the package allowed to call native code
public final class FileCalls {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;
    /** XATTR_SIZE_MAX: no attribute value is longer. */
    private static final int XATTR_MAX = 65536;

    private FileCalls() {}

    private static MethodHandle downcall(String name, MemoryLayout... arguments) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, arguments), Linker.Option.captureCallState("errno"));
    }

    /**
     * Builds the downcalls an unpack needs on a background thread: each costs 10-30 ms the first
     * time, and a pull spends that long waiting for the registry anyway.
     */
    public static void prepareInBackground() {
        Thread warmUp = new Thread(() -> {
            Mknod.HANDLE.type();
            Lsetxattr.HANDLE.type();
            Lchown.HANDLE.type();
            Symlink.HANDLE.type();
            Chmod.HANDLE.type();
            Utimensat.HANDLE.type();
        }, "prepare-file-calls");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private static final class Errno {
        static final VarHandle ERRNO = Linker.Option.captureStateLayout()
                .varHandle(MemoryLayout.PathElement.groupElement("errno"));
    }

    private static final class Mknod {
        static final MethodHandle HANDLE = downcall("mknod", ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
                ValueLayout.JAVA_LONG);
    }

    private static final class Lsetxattr {
        static final MethodHandle HANDLE = downcall("lsetxattr", ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT);
    }

    private static final class Lgetxattr {
        // ssize_t lgetxattr(...): declared as returning long, unlike the others
        static final MethodHandle HANDLE = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("lgetxattr"),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                        ValueLayout.ADDRESS, ValueLayout.JAVA_LONG),
                Linker.Option.captureCallState("errno"));
    }

    private static final class Lchown {
        static final MethodHandle HANDLE = downcall("lchown", ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT);
    }

    private static final class Symlink {
        static final MethodHandle HANDLE = downcall("symlink", ValueLayout.ADDRESS, ValueLayout.ADDRESS);
    }

    private static final class Chmod {
        static final MethodHandle HANDLE = downcall("chmod", ValueLayout.ADDRESS, ValueLayout.JAVA_INT);
    }

    private static final class Utimensat {
        static final MethodHandle HANDLE = downcall("utimensat", ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                ValueLayout.ADDRESS, ValueLayout.JAVA_INT);
    }

    /** glibc's makedev() on Linux: 12 bits of major and 20 of minor, split around each other. */
    public static long makedev(long major, long minor) {
        return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8)
                | ((minor & 0xffffff00L) << 12) | (minor & 0xffL);
    }

    /** Creates a device node or FIFO; {@code mode} holds the file type bits (S_IFCHR...) and permissions. */
    public static void mknod(Path path, int mode, long major, long minor) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            int rc = (int) Mknod.HANDLE.invokeExact(state, arena.allocateFrom(path.toString()), mode,
                    makedev(major, minor));
            check(rc, state, "mknod", path);
        } catch (Throwable t) {
            throw rethrown(t, "mknod", path);
        }
    }

    /** Sets an extended attribute on the path itself, never on what a symlink points to. */
    public static void lsetxattr(Path path, String name, byte[] value) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            MemorySegment bytes = arena.allocate(Math.max(1, value.length));
            MemorySegment.copy(value, 0, bytes, ValueLayout.JAVA_BYTE, 0, value.length);
            int rc = (int) Lsetxattr.HANDLE.invokeExact(state, arena.allocateFrom(path.toString()),
                    arena.allocateFrom(name), bytes, (long) value.length, 0);
            check(rc, state, "lsetxattr " + name, path);
        } catch (Throwable t) {
            throw rethrown(t, "lsetxattr " + name, path);
        }
    }

    /** Reads an extended attribute of the path itself; ENODATA (61) when it has none of that name. */
    public static byte[] lgetxattr(Path path, String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            MemorySegment buffer = arena.allocate(XATTR_MAX);
            long size = (long) Lgetxattr.HANDLE.invokeExact(state, arena.allocateFrom(path.toString()),
                    arena.allocateFrom(name), buffer, (long) XATTR_MAX);
            check(size < 0 ? -1 : 0, state, "lgetxattr " + name, path);
            return buffer.asSlice(0, size).toArray(ValueLayout.JAVA_BYTE);
        } catch (Throwable t) {
            throw rethrown(t, "lgetxattr " + name, path);
        }
    }

    /** Creates {@code link} pointing to {@code target} exactly as given (the JDK would normalize the target). */
    public static void symlink(String target, Path link) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            int rc = (int) Symlink.HANDLE.invokeExact(state, arena.allocateFrom(target),
                    arena.allocateFrom(link.toString()));
            check(rc, state, "symlink", link);
        } catch (Throwable t) {
            throw rethrown(t, "symlink", link);
        }
    }

    /** Changes the owner of the path itself (a symlink is not followed). */
    public static void lchown(Path path, int uid, int gid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            int rc = (int) Lchown.HANDLE.invokeExact(state, arena.allocateFrom(path.toString()), uid, gid);
            check(rc, state, "lchown", path);
        } catch (Throwable t) {
            throw rethrown(t, "lchown", path);
        }
    }

    /** chmod(2), including setuid, setgid and sticky bits; follows a symlink, so never call it on one. */
    public static void chmod(Path path, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            int rc = (int) Chmod.HANDLE.invokeExact(state, arena.allocateFrom(path.toString()), mode);
            check(rc, state, "chmod", path);
        } catch (Throwable t) {
            throw rethrown(t, "chmod", path);
        }
    }

    /** Sets access and modification times with nanoseconds on the path itself (symlinks included). */
    public static void lutimens(Path path, Instant atime, Instant mtime) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            MemorySegment times = arena.allocate(ValueLayout.JAVA_LONG, 4); // struct timespec[2]
            times.setAtIndex(ValueLayout.JAVA_LONG, 0, atime.getEpochSecond());
            times.setAtIndex(ValueLayout.JAVA_LONG, 1, atime.getNano());
            times.setAtIndex(ValueLayout.JAVA_LONG, 2, mtime.getEpochSecond());
            times.setAtIndex(ValueLayout.JAVA_LONG, 3, mtime.getNano());
            int rc = (int) Utimensat.HANDLE.invokeExact(state, AT_FDCWD, arena.allocateFrom(path.toString()),
                    times, AT_SYMLINK_NOFOLLOW);
            check(rc, state, "utimensat", path);
        } catch (Throwable t) {
            throw rethrown(t, "utimensat", path);
        }
    }

    private static void check(int rc, MemorySegment state, String call, Path path) {
        if (rc != 0) {
            int errno = (int) Errno.ERRNO.get(state, 0L);
            throw new SyscallException(call, path.toString(), errno, Libc.strerror(errno));
        }
    }

    private static RuntimeException rethrown(Throwable t, String call, Path path) {
        if (t instanceof RuntimeException e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(call + " " + path, t);
    }
}
