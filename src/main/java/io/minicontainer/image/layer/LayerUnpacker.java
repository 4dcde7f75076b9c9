package io.minicontainer.image.layer;

import io.minicontainer.sys.SyscallException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Unpacks an image layer into the directory overlayfs will stack as that layer, in one streaming
 * pass: decompress, hash the uncompressed tar (its diffID) and write the entries.
 *
 * <p>Nothing outside the target is ever created, changed or removed: names that climb out are
 * refused, and so is every write through a symlink. On failure the target holds part of the
 * layer; the caller removes it.
 */
public final class LayerUnpacker {
    private LayerUnpacker() {}

    /**
     * Unpacks {@code compressed} into {@code target}, an existing empty directory, then reads
     * {@code compressed} to its end (so a digest-checking stream gets to check), but does not close it.
     * The stream is read on a second thread; its failures are thrown here.
     */
    public static UnpackResult unpack(InputStream compressed, Compression compression, Path target)
            throws IOException {
        LayerTree tree = LayerTree.open(target);
        // three stages on their own threads: reading the compressed bytes (for a pull: the download,
        // its digest and the copy kept as a blob), then decompressing and hashing, then writing files
        ReadAheadInputStream download = new ReadAheadInputStream(new KeptOpen(compressed), InputStream.nullInputStream());
        DigestingInputStream tar = new DigestingInputStream(compression.decompress(download));
        try (download;
             ReadAheadInputStream readAhead = new ReadAheadInputStream(tar, download);
             LayerTarInputStream entries = new LayerTarInputStream(readAhead)) {
            EntryWriter writer = new EntryWriter(tree, entries);
            for (TarArchiveEntry entry = entries.nextEntry(); entry != null; entry = entries.nextEntry()) {
                write(writer, entry);
            }
            tree.applyDirectoryTimes();
            readAhead.drain(); // the bytes after the tar's end-of-archive blocks belong to the diffID too
        }
        return new UnpackResult(tar.digest(), tar.count());
    }

    /** File system failures become one line naming the entry. */
    private static void write(EntryWriter writer, TarArchiveEntry entry) throws IOException {
        String name = entry.getName();
        try {
            writer.write(entry);
        } catch (SyscallException e) {
            throw new LayerException(name, e.getMessage());
        } catch (FileSystemException e) {
            throw new LayerException(name, describe(e));
        } catch (InvalidPathException e) {
            // the JVM encodes file names in the locale's charset, fixed at start-up
            throw new LayerException(name, "cannot be a file name in this JVM's file name encoding ("
                    + System.getProperty("sun.jnu.encoding") + "); run it in a UTF-8 locale such as LC_ALL=C.UTF-8");
        }
    }

    private static String describe(FileSystemException e) {
        String reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
        return e.getOtherFile() == null ? e.getFile() + ": " + reason
                : e.getFile() + " -> " + e.getOtherFile() + ": " + reason;
    }

    /** The caller owns the compressed stream; closing the decompressor must not close it. */
    private static final class KeptOpen extends FilterInputStream {
        KeptOpen(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return in.read(buffer, offset, length);
        }

        @Override
        public void close() {
            // left to the caller
        }
    }
}
