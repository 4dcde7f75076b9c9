package io.minicontainer.image.layer;

import io.minicontainer.sys.FileCalls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * How overlayfs marks deletions in a layer's directory, and the tar names (from AUFS, kept by the
 * image spec) that ask for them.
 */
final class Overlay {
    /** {@code DIR/.wh.NAME}: NAME is deleted from the layers below. */
    static final String WHITEOUT_PREFIX = ".wh.";
    /** {@code DIR/.wh..wh..opq}: DIR hides everything the layers below have in it. */
    static final String OPAQUE_MARKER = ".wh..wh..opq";
    /** AUFS's own bookkeeping (.wh..wh.plnk, .wh..wh.aufs): never part of the file system. */
    static final String AUFS_METADATA_PREFIX = ".wh..wh.";
    /** The xattrs overlayfs interprets; a tar may set them only through whiteout names. */
    static final String XATTR_PREFIX = "trusted.overlay.";

    private static final String OPAQUE_XATTR = "trusted.overlay.opaque";
    private static final byte[] YES = "y".getBytes(StandardCharsets.US_ASCII);
    private static final int S_IFCHR = 0020000;

    private Overlay() {}

    static void markOpaque(Path directory) {
        FileCalls.lsetxattr(directory, OPAQUE_XATTR, YES);
    }

    /** A whiteout is a character device 0:0 with the deleted name. */
    static void createWhiteout(Path path) {
        FileCalls.mknod(path, S_IFCHR, 0, 0);
    }
}
