package io.minicontainer.sys;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/** close(2) for the descriptors this package opens through FFM (pidfds, netlink sockets, namespace files). */
@SuppressWarnings("restricted") // FFM lives in sys only
final class Descriptors {
    private static final class Close {
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(
                Linker.nativeLinker().defaultLookup().findOrThrow("close"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    }

    private Descriptors() {}

    /** Closes our own descriptor; a failure leaves nothing to do, so it is ignored. */
    static void closeQuietly(int fd) {
        try {
            int ignored = (int) Close.HANDLE.invokeExact(fd);
        } catch (Throwable t) {
            // nothing to do about a failed close of our own descriptor
        }
    }
}
