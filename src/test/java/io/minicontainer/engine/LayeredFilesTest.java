package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicontainer.TestHost;
import io.minicontainer.sys.FileCalls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayeredFilesTest {
    @TempDir
    Path tmp;
    Path lower;
    Path upper;

    @BeforeEach
    void layers() throws IOException {
        lower = Files.createDirectories(tmp.resolve("lower/etc"));
        upper = Files.createDirectories(tmp.resolve("upper"));
        Files.writeString(lower.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(lower.resolve("group"), "root:x:0:\n");
        lower = lower.getParent();
    }

    private LayeredFiles files() {
        return new LayeredFiles(List.of(upper, lower));
    }

    @Test
    void aFileIsReadFromTheTopmostLayerThatHasIt() throws IOException {
        assertThat(files().read("/etc/passwd")).contains("root:x:0:0:root:/root:/bin/sh\n");
        Files.createDirectories(upper.resolve("etc"));
        Files.writeString(upper.resolve("etc/passwd"), "app:x:1000:1000::/home/app:/bin/sh\n");
        assertThat(files().read("/etc/passwd")).contains("app:x:1000:1000::/home/app:/bin/sh\n");
        assertThat(files().read("/etc/shadow")).isEmpty();
    }

    @Test
    void aWhiteoutHidesTheFileBelow() throws IOException {
        assumeTrue(TestHost.isRoot(), "whiteouts are device nodes");
        Files.createDirectories(upper.resolve("etc"));
        FileCalls.mknod(upper.resolve("etc/passwd"), 0020000 | 0600, 0, 0);
        assertThat(files().read("/etc/passwd")).isEmpty();
        assertThat(files().read("/etc/group")).isPresent();
    }

    @Test
    void anOpaqueDirectoryHidesEverythingBelowIt() throws IOException {
        assumeTrue(TestHost.isRoot(), "trusted.* xattrs need CAP_SYS_ADMIN");
        Path etc = Files.createDirectories(upper.resolve("etc"));
        FileCalls.lsetxattr(etc, OpaqueMarker.XATTR, "y".getBytes(StandardCharsets.US_ASCII));
        assertThat(files().read("/etc/passwd")).isEmpty();
    }

    @Test
    void aSymlinkOnTheWayIsNeverFollowedOutOfTheImage() throws IOException {
        Files.createSymbolicLink(upper.resolve("etc"), Path.of("/etc"));
        assertThat(files().read("/etc/passwd")).isEmpty();
        Files.delete(upper.resolve("etc"));
        Files.createDirectories(upper.resolve("etc"));
        Files.createSymbolicLink(upper.resolve("etc/passwd"), Path.of("/etc/passwd"));
        assertThat(files().read("/etc/passwd")).isEmpty();
    }
}
