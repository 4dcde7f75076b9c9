package io.minicontainer.image.layer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds a layer tar in memory, names kept exactly as given (leading "/", "..", whiteouts). */
final class TarBuilder {
    static final Instant MTIME = Instant.parse("2021-03-04T05:06:07Z");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream out = new TarArchiveOutputStream(bytes, "UTF-8");

    TarBuilder() {
        out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX); // PAX mtimes with sub-second digits
        out.setAddPaxHeadersForNonAsciiNames(true);
    }

    TarBuilder dir(String name) {
        return dir(name, e -> {});
    }

    TarBuilder dir(String name, Consumer<TarArchiveEntry> tweak) {
        return add(entry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, 0755, tweak), new byte[0]);
    }

    TarBuilder file(String name, String content) {
        return file(name, content, e -> {});
    }

    TarBuilder file(String name, String content, Consumer<TarArchiveEntry> tweak) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), tweak);
    }

    TarBuilder file(String name, byte[] content, Consumer<TarArchiveEntry> tweak) {
        return add(entry(name, TarConstants.LF_NORMAL, 0644, tweak), content);
    }

    TarBuilder symlink(String name, String target) {
        return symlink(name, target, e -> {});
    }

    TarBuilder symlink(String name, String target, Consumer<TarArchiveEntry> tweak) {
        return add(entry(name, TarConstants.LF_SYMLINK, 0777, e -> {
            e.setLinkName(target);
            tweak.accept(e);
        }), new byte[0]);
    }

    TarBuilder hardLink(String name, String target) {
        return add(entry(name, TarConstants.LF_LINK, 0644, e -> e.setLinkName(target)), new byte[0]);
    }

    TarBuilder node(String name, byte type, int major, int minor, int mode) {
        return add(entry(name, type, mode, e -> {
            e.setDevMajor(major);
            e.setDevMinor(minor);
        }), new byte[0]);
    }

    /** A PAX header written by hand: its values are raw bytes, which commons-compress would encode as UTF-8. */
    TarBuilder rawPax(byte[] records) {
        return add(entry("PaxHeaders/x", TarConstants.LF_PAX_EXTENDED_HEADER_LC, 0644, e -> {}), records);
    }

    private static TarArchiveEntry entry(String name, byte type, int mode, Consumer<TarArchiveEntry> tweak) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        entry.setMode(mode);
        entry.setLastModifiedTime(FileTime.from(MTIME));
        tweak.accept(entry);
        return entry;
    }

    private TarBuilder add(TarArchiveEntry entry, byte[] content) {
        try {
            entry.setSize(content.length);
            out.putArchiveEntry(entry);
            out.write(content);
            out.closeArchiveEntry();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] build() {
        try {
            out.close();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
