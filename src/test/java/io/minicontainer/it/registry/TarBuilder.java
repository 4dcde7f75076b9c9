package io.minicontainer.it.registry;

import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A layer's tar, entry by entry, in the order given, with reproducible metadata: every entry has a
 * fixed mtime unless told otherwise, numeric owners and empty owner names (commons-compress would
 * otherwise write the building user's name). Modes are permission bits only, as docker writes them.
 */
public final class TarBuilder implements TarContent {
    /** The mtime of every entry that does not set one: 2024-01-01T00:00:00Z. */
    public static final Instant MTIME = Instant.parse("2024-01-01T00:00:00Z");

    private record Entry(TarArchiveEntry header, byte[] content) {}

    private final List<Entry> entries = new ArrayList<>();

    public TarBuilder dir(String path, int mode) {
        return dir(path, mode, 0, 0);
    }

    public TarBuilder dir(String path, int mode, int uid, int gid) {
        return add(header(path.endsWith("/") ? path : path + "/", TarConstants.LF_DIR, mode, uid, gid, MTIME), null);
    }

    public TarBuilder file(String path, String content, int mode) {
        return file(path, content.getBytes(java.nio.charset.StandardCharsets.UTF_8), mode, 0, 0, MTIME, Map.of());
    }

    public TarBuilder file(String path, byte[] content, int mode) {
        return file(path, content, mode, 0, 0, MTIME, Map.of());
    }

    /** A regular file; {@code xattrs} are written as PAX {@code SCHILY.xattr.NAME} records. */
    public TarBuilder file(String path, byte[] content, int mode, int uid, int gid, Instant mtime,
            Map<String, String> xattrs) {
        TarArchiveEntry header = header(path, TarConstants.LF_NORMAL, mode, uid, gid, mtime);
        header.setSize(content.length);
        xattrs.forEach((name, value) -> header.addPaxHeader("SCHILY.xattr." + name, value));
        return add(header, content);
    }

    public TarBuilder symlink(String path, String target) {
        TarArchiveEntry header = header(path, TarConstants.LF_SYMLINK, 0777, 0, 0, MTIME);
        header.setLinkName(target);
        return add(header, null);
    }

    /** A hard link; {@code target} is the name of an entry earlier in this tar, as tar requires. */
    public TarBuilder hardlink(String path, String target) {
        TarArchiveEntry header = header(path, TarConstants.LF_LINK, 0644, 0, 0, MTIME);
        header.setLinkName(target);
        return add(header, null);
    }

    /** Removes {@code path} of a lower layer: an empty {@code .wh.NAME} file beside it. */
    public TarBuilder whiteout(String path) {
        int slash = path.lastIndexOf('/');
        return file(path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1), new byte[0], 0644);
    }

    /** Hides everything lower layers have in {@code dir}; the directory itself must be in this tar too. */
    public TarBuilder opaque(String dir) {
        return file(dir.replaceAll("/$", "") + "/.wh..wh..opq", new byte[0], 0644);
    }

    private TarBuilder add(TarArchiveEntry header, byte[] content) {
        entries.add(new Entry(header, content));
        return this;
    }

    private static TarArchiveEntry header(String name, byte type, int mode, int uid, int gid, Instant mtime) {
        TarArchiveEntry header = new TarArchiveEntry(name, type);
        header.setMode(mode);
        header.setUserId(uid);
        header.setGroupId(gid);
        header.setUserName("");
        header.setGroupName("");
        header.setLastModifiedTime(FileTime.from(mtime));
        return header;
    }

    @Override
    public void writeTo(TarArchiveOutputStream tar) throws IOException {
        for (Entry entry : entries) {
            tar.putArchiveEntry(entry.header());
            if (entry.content() != null) {
                tar.write(entry.content());
            }
            tar.closeArchiveEntry();
        }
    }
}
