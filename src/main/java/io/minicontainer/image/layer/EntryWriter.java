package io.minicontainer.image.layer;

import io.minicontainer.sys.FileCalls;
import io.minicontainer.sys.SyscallException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes tar entries into a layer directory as docker and containerd apply them: a later entry
 * replaces an earlier one of the same name (a directory over a directory only takes the new
 * metadata), and whiteout names become overlayfs whiteouts ({@link WhiteoutWriter}).
 */
final class EntryWriter {
    private static final int COPY_BUFFER = 1 << 20;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int EEXIST = 17;

    private final LayerTree tree;
    private final LayerTarInputStream tar;
    private final WhiteoutWriter whiteouts;
    private final byte[] buffer = new byte[COPY_BUFFER];

    EntryWriter(LayerTree tree, LayerTarInputStream tar) {
        this.tree = tree;
        this.tar = tar;
        this.whiteouts = new WhiteoutWriter(tree);
    }

    void write(TarArchiveEntry entry) throws IOException {
        String name = entry.getName();
        String relative = EntryNames.normalize(name);
        if (relative == null) {
            throw new LayerException(name, "climbs above the layer root");
        }
        if (whiteouts.handles(name, relative, entry)) {
            return;
        }
        if (relative.isEmpty()) {
            writeRoot(name, entry);
            return;
        }
        tree.prepareParents(name, relative);
        Path path = tree.path(relative);
        if (entry.isDirectory()) {
            writeDirectory(name, relative, path, entry);
            return;
        }
        switch (entry.getLinkFlag()) {
            case TarConstants.LF_NORMAL, TarConstants.LF_OLDNORM, TarConstants.LF_CONTIG,
                 TarConstants.LF_GNUTYPE_SPARSE -> writeFile(name, relative, path, entry);
            case TarConstants.LF_SYMLINK -> writeSymlink(relative, path, entry);
            case TarConstants.LF_LINK -> writeHardLink(name, relative, path, entry);
            case TarConstants.LF_CHR -> writeNode(relative, path, entry, S_IFCHR);
            case TarConstants.LF_BLK -> writeNode(relative, path, entry, S_IFBLK);
            case TarConstants.LF_FIFO -> writeNode(relative, path, entry, S_IFIFO);
            default -> throw new LayerException(name, "unsupported tar entry type '" + (char) entry.getLinkFlag() + "'");
        }
    }

    /** "./" describes the layer's own directory: it takes the metadata, as in docker. */
    private void writeRoot(String name, TarArchiveEntry entry) throws IOException {
        if (!entry.isDirectory()) {
            throw new LayerException(name, "would replace the layer's root directory");
        }
        EntryMetadata.apply(name, entry, tar.xattrs(entry), tree.path(""), false);
        tree.rememberDirectory("", EntryTimes.of(entry));
    }

    private void writeDirectory(String name, String relative, Path path, TarArchiveEntry entry) throws IOException {
        try {
            Files.createDirectory(path);
        } catch (FileAlreadyExistsException e) {
            BasicFileAttributes existing = tree.lstat(relative);
            if (!existing.isDirectory()) {
                boolean deletedBelow = tree.isWhiteout(relative, existing);
                tree.remove(relative);
                Files.createDirectory(path);
                if (deletedBelow) { // this layer deleted the lower directory, then made a new one
                    Overlay.markOpaque(path);
                }
            }
        }
        EntryMetadata.apply(name, entry, tar.xattrs(entry), path, false);
        tree.rememberDirectory(relative, EntryTimes.of(entry));
    }

    private void writeFile(String name, String relative, Path path, TarArchiveEntry entry) throws IOException {
        try (FileChannel file = replacing(relative, path,
                p -> FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
            copyContent(name, path, file);
        }
        finish(name, path, entry, false);
    }

    /** Read failures (a corrupt or truncated stream) pass as they are; write failures name the entry. */
    private void copyContent(String name, Path path, FileChannel file) throws IOException {
        for (int n = tar.read(buffer, 0, buffer.length); n > 0; n = tar.read(buffer, 0, buffer.length)) {
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
            try {
                while (chunk.hasRemaining()) {
                    file.write(chunk);
                }
            } catch (IOException e) {
                throw new LayerException(name, "write " + path + ": " + e.getMessage());
            }
        }
    }

    /** The target is kept byte for byte: absolute or relative, it is resolved inside the container. */
    private void writeSymlink(String relative, Path path, TarArchiveEntry entry) throws IOException {
        replacing(relative, path, p -> {
            symlink(entry.getLinkName(), p);
            return p;
        });
        finish(entry.getName(), path, entry, true);
    }

    /**
     * A hard link to a file this layer already has, reached through real directories only. It
     * shares the target's inode, whose own entry set the metadata, so none is applied (as GNU tar).
     */
    private void writeHardLink(String name, String relative, Path path, TarArchiveEntry entry) throws IOException {
        String target = EntryNames.normalize(entry.getLinkName());
        if (target == null) {
            throw new LayerException(name, "hard link target \"" + entry.getLinkName() + "\" climbs above the layer root");
        }
        if (target.isEmpty()) {
            throw new LayerException(name, "hard link to the layer's root directory");
        }
        tree.checkLinkTargetParents(name, target);
        BasicFileAttributes existing = tree.lstat(target);
        if (existing == null) {
            throw new LayerException(name, "hard link target \"" + target + "\" is not in this layer");
        }
        if (existing.isDirectory()) {
            throw new LayerException(name, "hard link target \"" + target + "\" is a directory");
        }
        if (target.equals(relative)) {
            return; // a link to itself: the file is already there
        }
        Path targetPath = tree.path(target);
        replacing(relative, path, p -> Files.createLink(p, targetPath)); // link(2) does not follow a symlink
    }

    private void writeNode(String relative, Path path, TarArchiveEntry entry, int type) throws IOException {
        replacing(relative, path, p -> {
            mknod(p, type | EntryMetadata.permissions(entry), entry.getDevMajor(), entry.getDevMinor());
            return p;
        });
        finish(entry.getName(), path, entry, false);
    }

    private void finish(String name, Path path, TarArchiveEntry entry, boolean symlink) throws IOException {
        EntryMetadata.apply(name, entry, tar.xattrs(entry), path, symlink);
        EntryMetadata.applyTimes(entry, path);
    }

    private interface Creation<T> {
        T create(Path path) throws IOException;
    }

    /** Creates; if an earlier entry left something at this name, removes it (never following it) and creates again. */
    private <T> T replacing(String relative, Path path, Creation<T> creation) throws IOException {
        try {
            return creation.create(path);
        } catch (FileAlreadyExistsException e) {
            tree.remove(relative);
            return creation.create(path);
        }
    }

    private static void mknod(Path path, int mode, long major, long minor) throws FileAlreadyExistsException {
        try {
            FileCalls.mknod(path, mode, major, minor);
        } catch (SyscallException e) {
            if (e.errno() == EEXIST) {
                throw new FileAlreadyExistsException(path.toString());
            }
            throw e;
        }
    }

    private static void symlink(String target, Path path) throws FileAlreadyExistsException {
        try {
            FileCalls.symlink(target, path);
        } catch (SyscallException e) {
            if (e.errno() == EEXIST) {
                throw new FileAlreadyExistsException(path.toString());
            }
            throw e;
        }
    }
}
