package io.minicontainer.it.registry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code layered} image's layers and the tree they must merge into. Layer 1 is busybox's; layer
 * 2 puts files under /data; layer 3 changes them in every way a layer can: whiteouts (a file, a
 * directory, a busybox applet two layers down), an opaque directory, a file replaced by a
 * directory and a directory by a file, a file rewritten with another mode, hard links (three names,
 * one in another directory), absolute and relative symlinks, a setuid file, a file owned by 1000:1000
 * with its own mtime, and a PAX xattr.
 */
public final class LayeredContent {
    /** The mtime of /data/owned, distinct from every other entry's. */
    public static final Instant OWNED_MTIME = Instant.parse("2001-02-03T04:05:06Z");
    public static final String SETUID_SCRIPT = "#!/bin/sh\necho setuid\n";

    private LayeredContent() {}

    /** Layer 2: what layer 3 then removes, hides, replaces or keeps. */
    public static TarBuilder dataLayer() {
        return new TarBuilder()
                .dir("data", 0755)
                .file("data/deleted.txt", "deleted\n", 0644)
                .file("data/kept.txt", "kept\n", 0644)
                .dir("data/opaque", 0755)
                .file("data/opaque/old.txt", "old\n", 0644)
                .dir("data/opaque/sub", 0755)
                .file("data/opaque/sub/deep.txt", "deep\n", 0644)
                .file("data/file-then-dir", "was a file\n", 0644)
                .dir("data/dir-then-file", 0755)
                .file("data/dir-then-file/inner.txt", "inner\n", 0644)
                .dir("data/deleted-dir", 0755)
                .file("data/deleted-dir/a.txt", "a\n", 0644)
                .file("data/modified.txt", "version 1\n", 0644);
    }

    /** Layer 3: the changes. */
    public static TarBuilder changesLayer() {
        return new TarBuilder()
                .dir("bin", 0755)
                .whiteout("bin/vi")
                .dir("data", 0755)
                .whiteout("data/deleted.txt")
                .whiteout("data/deleted-dir")
                .dir("data/opaque", 0755)
                .opaque("data/opaque")
                .file("data/opaque/new.txt", "new\n", 0644)
                .dir("data/file-then-dir", 0755)
                .file("data/file-then-dir/child.txt", "child\n", 0644)
                .file("data/dir-then-file", "now a file\n", 0644)
                .file("data/modified.txt", "version 2\n", 0600)
                .file("data/hardlink-target", "shared content\n", 0644)
                .hardlink("data/hardlink-1", "data/hardlink-target")
                .dir("data/sub", 0755)
                .hardlink("data/sub/hardlink-2", "data/hardlink-target")
                .symlink("data/abs-symlink", "/etc/passwd")
                .symlink("data/rel-symlink", "../etc/group")
                .file("data/setuid", SETUID_SCRIPT.getBytes(StandardCharsets.UTF_8), 04755, 0, 0, TarBuilder.MTIME,
                        Map.of())
                .file("data/owned", "owned by app\n".getBytes(StandardCharsets.UTF_8), 0640, 1000, 1000, OWNED_MTIME,
                        Map.of())
                .file("data/xattr.txt", "has an xattr\n".getBytes(StandardCharsets.UTF_8), 0644, 0, 0, TarBuilder.MTIME,
                        Map.of("user.test", "hello"));
    }

    /** The merged tree of all three layers. */
    public static ExpectedTree expectedTree() {
        Map<String, TreeEntry> tree = new TreeMap<>(BusyboxLayer.expectedEntries());
        tree.remove("/bin/vi");
        tree.put("/data", TreeEntry.dir(0755));
        tree.put("/data/kept.txt", TreeEntry.file(0644, 5));
        tree.put("/data/opaque", TreeEntry.dir(0755));
        tree.put("/data/opaque/new.txt", TreeEntry.file(0644, 4));
        tree.put("/data/file-then-dir", TreeEntry.dir(0755));
        tree.put("/data/file-then-dir/child.txt", TreeEntry.file(0644, 6));
        tree.put("/data/dir-then-file", TreeEntry.file(0644, 11));
        tree.put("/data/modified.txt", TreeEntry.file(0600, 10));
        tree.put("/data/hardlink-target", TreeEntry.file(0644, 15));
        tree.put("/data/hardlink-1", TreeEntry.file(0644, 15));
        tree.put("/data/sub", TreeEntry.dir(0755));
        tree.put("/data/sub/hardlink-2", TreeEntry.file(0644, 15));
        tree.put("/data/abs-symlink", TreeEntry.symlink("/etc/passwd"));
        tree.put("/data/rel-symlink", TreeEntry.symlink("../etc/group"));
        tree.put("/data/setuid", TreeEntry.file(04755, SETUID_SCRIPT.length()));
        tree.put("/data/owned", TreeEntry.file(0640, 13, 1000, 1000));
        tree.put("/data/xattr.txt", TreeEntry.file(0644, 13));
        return new ExpectedTree(tree,
                Set.of("/bin/vi", "/data/deleted.txt", "/data/deleted-dir", "/data/deleted-dir/a.txt",
                        "/data/opaque/old.txt", "/data/opaque/sub", "/data/opaque/sub/deep.txt",
                        "/data/dir-then-file/inner.txt"),
                List.of(Set.of("/data/hardlink-target", "/data/hardlink-1", "/data/sub/hardlink-2")),
                Map.of("/data/xattr.txt", Map.of("user.test", "hello")),
                Map.of("/data/owned", OWNED_MTIME, "/data/kept.txt", TarBuilder.MTIME, "/bin/busybox", TarBuilder.MTIME));
    }

    /** What the files that layer 3 left or wrote contain, for tests that read them. */
    public static Map<String, String> expectedContents() {
        return Map.of("/data/kept.txt", "kept\n", "/data/opaque/new.txt", "new\n",
                "/data/file-then-dir/child.txt", "child\n", "/data/dir-then-file", "now a file\n",
                "/data/modified.txt", "version 2\n", "/data/hardlink-1", "shared content\n",
                "/data/sub/hardlink-2", "shared content\n", "/data/owned", "owned by app\n",
                "/data/xattr.txt", "has an xattr\n");
    }
}
