package io.minicontainer.it.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A root file system as it really is: read from a directory on the host ({@link #scan}), or from
 * the output of {@link #LISTING_SCRIPT} run by busybox inside a container ({@link #parseListing}).
 * Paths are absolute from the tree's root ({@code /bin/sh}); the root itself is not listed.
 * {@code xattrs} (the {@code user.} namespace) are known for scanned trees only, else null.
 */
public record FileTree(Map<String, TreeEntry> entries, Map<String, Long> inodes, Map<String, Instant> mtimes,
        Map<String, Map<String, String>> xattrs) {

    /**
     * A busybox sh script that lists the tree below the current directory (run it after
     * {@code cd /}), one line per path: {@code rawmode(hex)|uid|gid|size|inode|mtime|./path}, or
     * {@code ... |'./path' -> 'target'} for a link. With {@code -xdev}, directories of other file
     * systems (a container's /proc, /dev, /sys) are left out.
     */
    public static final String LISTING_SCRIPT = "find . -xdev -mindepth 1 -exec stat -c '%f|%u|%g|%s|%i|%Y|%N' {} +";

    public static FileTree scan(Path root) {
        Map<String, TreeEntry> entries = new TreeMap<>();
        Map<String, Long> inodes = new TreeMap<>();
        Map<String, Instant> mtimes = new TreeMap<>();
        Map<String, Map<String, String>> xattrs = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> !p.equals(root)).toList()) {
                String name = "/" + root.relativize(path);
                Map<String, Object> unix = Files.readAttributes(path, "unix:mode,uid,gid,size,ino,lastModifiedTime",
                        LinkOption.NOFOLLOW_LINKS);
                String target = Files.isSymbolicLink(path) ? Files.readSymbolicLink(path).toString() : "";
                entries.put(name, TreeEntry.of((Integer) unix.get("mode"), (Integer) unix.get("uid"),
                        (Integer) unix.get("gid"), (Long) unix.get("size"), target));
                inodes.put(name, (Long) unix.get("ino"));
                mtimes.put(name, ((FileTime) unix.get("lastModifiedTime")).toInstant());
                if (!Files.isSymbolicLink(path)) {
                    Map<String, String> user = userXattrs(path);
                    if (!user.isEmpty()) {
                        xattrs.put(name, user);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FileTree(entries, inodes, mtimes, xattrs);
    }

    /** Reads what {@link #LISTING_SCRIPT} printed; lines that are not listing lines are skipped. */
    public static FileTree parseListing(String output) {
        Map<String, TreeEntry> entries = new TreeMap<>();
        Map<String, Long> inodes = new TreeMap<>();
        Map<String, Instant> mtimes = new TreeMap<>();
        for (String line : output.lines().toList()) {
            String[] fields = line.split("\\|", 7);
            // busybox quotes %N only for symbolic links: ./etc, or './bin/sh' -> 'busybox'
            String shown = fields.length == 7 ? fields[6] : "";
            int arrow = shown.indexOf("' -> '");
            String relative = arrow < 0 ? shown : shown.substring(1, arrow);
            if (!relative.startsWith("./")) {
                continue;
            }
            String name = relative.substring(1);
            String target = arrow < 0 ? "" : shown.substring(arrow + 6, shown.length() - 1);
            entries.put(name, TreeEntry.of(Integer.parseInt(fields[0], 16), Integer.parseInt(fields[1]),
                    Integer.parseInt(fields[2]), Long.parseLong(fields[3]), target));
            inodes.put(name, Long.parseLong(fields[4]));
            mtimes.put(name, Instant.ofEpochSecond(Long.parseLong(fields[5])));
        }
        return new FileTree(entries, inodes, mtimes, null);
    }

    private static Map<String, String> userXattrs(Path path) throws IOException {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(path, UserDefinedFileAttributeView.class);
        Map<String, String> values = new TreeMap<>();
        if (view == null) {
            return values;
        }
        for (String name : view.list()) {
            ByteBuffer value = ByteBuffer.allocate(view.size(name));
            view.read(name, value);
            values.put("user." + name, new String(value.array(), 0, value.position(), StandardCharsets.UTF_8));
        }
        return values;
    }
}
