package io.minicontainer.it.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The merged root file system an image must present, written out as data: every path with its
 * type, mode, owner, size and link target; paths that lower layers had and upper layers removed;
 * names that must be one inode (hard links); user xattrs; and mtimes of the entries that set one.
 */
public record ExpectedTree(Map<String, TreeEntry> entries, Set<String> absent, List<Set<String>> hardLinks,
        Map<String, Map<String, String>> xattrs, Map<String, Instant> mtimes) {

    /** Every difference between this and {@code actual}, as lines for an assertion message; empty when equal. */
    public List<String> differences(FileTree actual) {
        return differences(actual, path -> false);
    }

    /**
     * As {@link #differences(FileTree)}, but paths that {@code ignored} accepts may be anything in
     * {@code actual} (a container's /proc, /dev, /etc/hostname...).
     */
    public List<String> differences(FileTree actual, Predicate<String> ignored) {
        List<String> found = new ArrayList<>();
        entries.forEach((path, expected) -> {
            TreeEntry real = actual.entries().get(path);
            if (real == null) {
                found.add(path + ": missing, expected " + expected);
            } else if (!real.equals(expected)) {
                found.add(path + ": " + real + ", expected " + expected);
            }
        });
        actual.entries().keySet().stream().filter(path -> !entries.containsKey(path) && !ignored.test(path))
                .forEach(path -> found.add(path + ": unexpected " + actual.entries().get(path)
                        + (absent.contains(path) ? " (an upper layer removed it)" : "")));
        actual.entries().keySet().stream().filter(path -> path.contains("/.wh.") && !ignored.test(path))
                .forEach(path -> found.add(path + ": a whiteout must never appear in the tree"));
        for (Set<String> group : hardLinks) {
            if (group.stream().map(actual.inodes()::get).distinct().count() != 1) {
                found.add(group + ": should be hard links to one inode, inodes "
                        + group.stream().map(actual.inodes()::get).toList());
            }
        }
        mtimes.forEach((path, mtime) -> {
            if (!Objects.equals(actual.mtimes().get(path), mtime)) {
                found.add(path + ": mtime " + actual.mtimes().get(path) + ", expected " + mtime);
            }
        });
        if (actual.xattrs() != null) {
            actual.xattrs().keySet().stream().filter(path -> !xattrs.containsKey(path) && !ignored.test(path))
                    .forEach(path -> found.add(path + ": unexpected xattrs " + actual.xattrs().get(path)));
            xattrs.forEach((path, values) -> {
                if (!values.equals(actual.xattrs().get(path))) {
                    found.add(path + ": xattrs " + actual.xattrs().get(path) + ", expected " + values);
                }
            });
        }
        return found;
    }
}
