package io.minicontainer.image.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ArchivePathsTest {
    @Test
    void entryNamesLoseDotSlashesAndTrailingSlashes() throws IOException {
        assertThat(ArchivePaths.entryName("./blobs/sha256/abc")).isEqualTo("blobs/sha256/abc");
        assertThat(ArchivePaths.entryName("blobs//sha256/./abc")).isEqualTo("blobs/sha256/abc");
        assertThat(ArchivePaths.entryName("blobs/")).isEqualTo("blobs");
    }

    @Test
    void absoluteNamesDotDotAndEmptyNamesAreRefused() {
        assertThatThrownBy(() -> ArchivePaths.entryName("/etc/passwd")).hasMessageContaining("absolute path");
        assertThatThrownBy(() -> ArchivePaths.entryName("../x")).hasMessageContaining("\"..\" component");
        assertThatThrownBy(() -> ArchivePaths.entryName("a/../../x")).hasMessageContaining("\"..\" component");
        assertThatThrownBy(() -> ArchivePaths.entryName("a/../b")).hasMessageContaining("\"..\" component");
        assertThatThrownBy(() -> ArchivePaths.entryName("./")).hasMessageContaining("no usable name");
    }

    @Test
    void symlinkTargetsResolveFromTheLinksDirectory() throws IOException {
        // skopeo and podman write ID/layer.tar -> ../HEX.tar
        assertThat(ArchivePaths.symlinkTarget("abc/layer.tar", "../def.tar")).isEqualTo("def.tar");
        assertThat(ArchivePaths.symlinkTarget("layer.tar", "blobs/sha256/x")).isEqualTo("blobs/sha256/x");
        assertThat(ArchivePaths.symlinkTarget("a/b/c", "../../d")).isEqualTo("d");
    }

    @Test
    void linksPointingOutAreRefused() {
        assertThatThrownBy(() -> ArchivePaths.symlinkTarget("abc/layer.tar", "../../etc/passwd"))
                .hasMessageContaining("points out of the archive");
        assertThatThrownBy(() -> ArchivePaths.symlinkTarget("layer.tar", "/etc/passwd"))
                .hasMessageContaining("absolute path");
        assertThatThrownBy(() -> ArchivePaths.symlinkTarget("layer.tar", ".")).hasMessageContaining("points out");
        assertThatThrownBy(() -> ArchivePaths.hardLinkTarget("x", "../secret")).hasMessageContaining("points out");
        assertThatThrownBy(() -> ArchivePaths.hardLinkTarget("x", "/secret")).hasMessageContaining("absolute path");
    }

    @Test
    void hardLinkTargetsAreNamedFromTheRoot() throws IOException {
        assertThat(ArchivePaths.hardLinkTarget("a/b", "./blobs/sha256/x")).isEqualTo("blobs/sha256/x");
    }

    @Test
    void pathsInDocumentsFollowTheEntryRulesWithAMessageNamingTheDocument() throws IOException {
        assertThat(ArchivePaths.documentPath("./abc.json", "manifest.json[0]")).isEqualTo("abc.json");
        assertThatThrownBy(() -> ArchivePaths.documentPath("../../etc/shadow", "manifest.json[0]"))
                .hasMessage("manifest.json[0] names \"../../etc/shadow\", which cannot be a path inside the archive");
    }
}
