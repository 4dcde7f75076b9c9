package io.minicontainer.image.layer;

import io.minicontainer.sys.FileCalls;
import io.minicontainer.sys.SyscallException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** Owner, xattrs, mode and times from a tar header, in the order that keeps each of them. */
final class EntryMetadata {
    private static final int PERMISSION_BITS = 07777;
    private static final long MAX_ID = 0xfffffffeL; // (uid_t) -1 means "leave unchanged" to lchown
    private static final int EPERM = 1;

    private EntryMetadata() {}

    /** The mode bits chmod takes: permissions plus setuid, setgid and sticky. */
    static int permissions(TarArchiveEntry entry) {
        return entry.getMode() & PERMISSION_BITS;
    }

    /**
     * Owner first, since chown clears setuid, setgid and security.capability; then xattrs; then
     * the mode, except on a symlink, whose mode means nothing (and chmod would follow it).
     */
    static void apply(String name, TarArchiveEntry entry, Map<String, byte[]> xattrs, Path path, boolean symlink)
            throws LayerException {
        chown(name, entry, path);
        setXattrs(xattrs, path);
        if (!symlink) {
            FileCalls.chmod(path, permissions(entry));
        }
    }

    /** The header's numeric owner; user and group names are ignored, as docker does. */
    static void chown(String name, TarArchiveEntry entry, Path path) throws LayerException {
        FileCalls.lchown(path, id(name, "uid", entry.getLongUserId()), id(name, "gid", entry.getLongGroupId()));
    }

    /** Times on the path itself; directories get theirs at the very end, once nothing is created in them. */
    static void applyTimes(TarArchiveEntry entry, Path path) {
        EntryTimes times = EntryTimes.of(entry);
        FileCalls.lutimens(path, times.access(), times.modification());
    }

    /** Sets the xattrs, except overlayfs's own (a layer may ask for those only with whiteout names). */
    static void setXattrs(Map<String, byte[]> xattrs, Path path) {
        xattrs.forEach((name, value) -> {
            if (name.startsWith(Overlay.XATTR_PREFIX)) {
                return;
            }
            try {
                FileCalls.lsetxattr(path, name, value);
            } catch (SyscallException e) {
                if (e.errno() != EPERM) { // docker skips what the kernel does not permit, e.g. in a user namespace
                    throw e;
                }
            }
        });
    }

    private static int id(String name, String what, long id) throws LayerException {
        if (id < 0 || id > MAX_ID) {
            throw new LayerException(name, what + " " + id + " is out of range");
        }
        return (int) id;
    }
}
