package io.minicontainer.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/** What the archive tests do to archive files: look inside, cut them short, damage one entry, gzip them. */
final class ArchiveFiles {
    private ArchiveFiles() {}

    /** The content of the regular file {@code name} in the tar. */
    static byte[] entryBytes(Path tar, String name) throws IOException {
        try (TarFile file = new TarFile(tar)) {
            for (TarArchiveEntry entry : file.getEntries()) {
                if (entry.getName().equals(name)) {
                    try (InputStream in = file.getInputStream(entry)) {
                        return in.readAllBytes();
                    }
                }
            }
        }
        throw new IllegalArgumentException(tar + " has no entry " + name);
    }

    static String entry(Path tar, String name) throws IOException {
        return new String(entryBytes(tar, name), StandardCharsets.UTF_8);
    }

    /** A copy of the first {@code fraction} of the file, as an interrupted transfer leaves it. */
    static Path truncated(Path tar, double fraction, Path copy) throws IOException {
        byte[] bytes = Files.readAllBytes(tar);
        Files.write(copy, Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
        return copy;
    }

    /** Flips one bit in the middle of entry {@code name}'s data (the tar around it stays valid). */
    static void corrupt(Path tar, String name) throws IOException {
        long offset = -1;
        try (TarFile file = new TarFile(tar)) {
            for (TarArchiveEntry entry : file.getEntries()) {
                if (entry.getName().equals(name)) {
                    offset = entry.getDataOffset() + entry.getSize() / 2;
                }
            }
        }
        if (offset < 0) {
            throw new IllegalArgumentException(tar + " has no entry " + name);
        }
        try (FileChannel channel = FileChannel.open(tar, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ 0x10)).rewind();
            channel.write(one, offset);
        }
    }

    static Path gzip(Path file, Path compressed) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(compressed))) {
            Files.copy(file, out);
        }
        return compressed;
    }
}
