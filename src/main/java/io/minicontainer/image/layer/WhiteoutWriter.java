package io.minicontainer.image.layer;

import io.minicontainer.sys.SyscallException;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Turns the tar's whiteout names into overlayfs's marks; the {@code .wh.} files themselves are
 * never written.
 *
 * <p>A whiteout deletes a name from the layers below only (image spec): when this layer has the
 * name too, in either order, its own entry already hides theirs, and a directory of its own is
 * made opaque so that it does not show their files either.
 */
final class WhiteoutWriter {
    private static final int EEXIST = 17;

    private final LayerTree tree;

    WhiteoutWriter(LayerTree tree) {
        this.tree = tree;
    }

    /** Handles the entry if its name is a whiteout or AUFS metadata, and says whether it was. */
    boolean handles(String name, String relative, TarArchiveEntry entry) throws IOException {
        if (!("/" + relative).contains("/" + Overlay.WHITEOUT_PREFIX)) {
            return false;
        }
        String parent = EntryNames.parent(relative);
        String base = EntryNames.base(relative);
        if (("/" + parent).contains("/" + Overlay.AUFS_METADATA_PREFIX)) {
            return true; // inside AUFS's bookkeeping directories: not part of the file system
        }
        if (("/" + parent).contains("/" + Overlay.WHITEOUT_PREFIX)) {
            throw new LayerException(name, "is inside a whiteout");
        }
        if (base.equals(Overlay.OPAQUE_MARKER)) {
            tree.prepareParents(name, relative); // the marker may come before its directory
            Overlay.markOpaque(tree.path(parent));
        } else if (!base.startsWith(Overlay.AUFS_METADATA_PREFIX)) {
            String deleted = base.substring(Overlay.WHITEOUT_PREFIX.length());
            if (deleted.isEmpty() || deleted.equals(".") || deleted.equals("..")) {
                throw new LayerException(name, "is a whiteout that names no file");
            }
            tree.prepareParents(name, relative);
            whiteOut(name, EntryNames.child(parent, deleted), entry);
        }
        return true;
    }

    private void whiteOut(String name, String deleted, TarArchiveEntry entry) throws IOException {
        Path path = tree.path(deleted);
        try {
            Overlay.createWhiteout(path);
        } catch (SyscallException e) {
            if (e.errno() != EEXIST) {
                throw e;
            }
            BasicFileAttributes existing = tree.lstat(deleted);
            if (existing.isDirectory()) {
                Overlay.markOpaque(path);
            }
            return;
        }
        // docker gives the whiteout the header's owner
        EntryMetadata.chown(name, entry, path);
    }
}
