package io.minicontainer.sys;

import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

/** errno as FFM captures it, and the one way this package turns a failed call into an exception. */
final class Errno {
    static final VarHandle ERRNO = Linker.Option.captureStateLayout()
            .varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private Errno() {}

    /** Throws a SyscallException naming the call, its object and errno when {@code rc} is negative. */
    static void check(int rc, MemorySegment state, String call, String object) {
        if (rc < 0) {
            int errno = (int) ERRNO.get(state, 0L);
            throw new SyscallException(call, object, errno, Libc.strerror(errno));
        }
    }

    /** A Throwable from invokeExact as an unchecked exception: runtime ones as they are, errors rethrown. */
    static RuntimeException rethrown(Throwable t, String what) {
        if (t instanceof RuntimeException e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(what, t);
    }
}
