package io.minicontainer.image.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** An archive built in memory, entry names exactly as given (leading "/", ".." and all). */
final class ArchiveTar {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream out = new TarArchiveOutputStream(bytes, "UTF-8");

    ArchiveTar() {
        out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    ArchiveTar file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    ArchiveTar file(String name, byte[] content) {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(content.length);
        return add(entry, content);
    }

    ArchiveTar dir(String name) {
        return add(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true), new byte[0]);
    }

    ArchiveTar symlink(String name, String target) {
        return link(name, target, TarConstants.LF_SYMLINK);
    }

    ArchiveTar hardlink(String name, String target) {
        return link(name, target, TarConstants.LF_LINK);
    }

    ArchiveTar fifo(String name) {
        return add(new TarArchiveEntry(name, TarConstants.LF_FIFO, true), new byte[0]);
    }

    private ArchiveTar link(String name, String target, byte type) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        entry.setLinkName(target);
        return add(entry, new byte[0]);
    }

    private ArchiveTar add(TarArchiveEntry entry, byte[] content) {
        try {
            out.putArchiveEntry(entry);
            out.write(content);
            out.closeArchiveEntry();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bytes() {
        try {
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }
}
