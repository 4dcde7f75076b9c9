package io.minicontainer.it.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FileTreeTest {
    @Test
    void parsesBusyboxStatLines() {
        FileTree tree = FileTree.parseListing("""
                41ed|0|0|4096|12|1704067200|./etc
                81a0|1000|1000|13|13|981173106|./data/owned
                a1ff|0|0|7|14|1704067200|'./bin/sh' -> 'busybox'
                89ed|0|0|22|15|1704067200|./data/setuid
                find: ./proc/1: Permission denied
                """);
        assertThat(tree.entries()).containsOnlyKeys("/etc", "/data/owned", "/bin/sh", "/data/setuid");
        assertThat(tree.entries().get("/etc")).isEqualTo(TreeEntry.dir(0755));
        assertThat(tree.entries().get("/data/owned")).isEqualTo(TreeEntry.file(0640, 13, 1000, 1000));
        assertThat(tree.entries().get("/bin/sh")).isEqualTo(TreeEntry.symlink("busybox"));
        assertThat(tree.entries().get("/data/setuid")).isEqualTo(TreeEntry.file(04755, 22));
        assertThat(tree.mtimes().get("/data/owned")).isEqualTo(Instant.parse("2001-02-03T04:05:06Z"));
        assertThat(tree.inodes().get("/bin/sh")).isEqualTo(14L);
    }

    @Test
    void expectedTreeNamesEveryDifference() {
        FileTree tree = FileTree.parseListing("""
                81a4|0|0|5|1|1704067200|./data/kept.txt
                81a4|0|0|0|2|1704067200|./data/.wh.deleted.txt
                81a4|0|0|8|3|1704067200|./data/deleted.txt
                """);
        assertThat(LayeredContent.expectedTree().differences(tree))
                .contains("/data/.wh.deleted.txt: a whiteout must never appear in the tree",
                        "/data/deleted.txt: unexpected file 0644 0:0 8 bytes (an upper layer removed it)")
                .anyMatch(line -> line.startsWith("/data/owned: missing, expected file 0640 1000:1000"))
                .noneMatch(line -> line.startsWith("/data/kept.txt:"));
    }
}
