package io.minicontainer.engine;

import io.minicontainer.sys.FileCalls;
import io.minicontainer.sys.SyscallException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** overlayfs's opaque directory marker: everything below it in lower layers is hidden. */
final class OpaqueMarker {
    static final String XATTR = "trusted.overlay.opaque";

    private OpaqueMarker() {}

    static boolean isOpaque(Path directory) {
        try {
            return new String(FileCalls.lgetxattr(directory, XATTR), StandardCharsets.US_ASCII).equals("y");
        } catch (SyscallException e) {
            return false; // ENODATA: not opaque
        }
    }
}
