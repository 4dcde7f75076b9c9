package io.minicontainer.image.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.image.PullProgress;
import io.minicontainer.image.store.ImageRecord;
import io.minicontainer.image.store.ImageStore;
import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageJson;
import io.minicontainer.oci.ImageSpec.Manifest;
import io.minicontainer.oci.MediaTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading docker-archives: layers at any path, compressed or not; a bad one adds no image. */
class ArchiveLoaderTest {
    private static final byte[] BASE = ArchiveFixtures.layer("base.txt", "base\n");
    private static final byte[] TOP = ArchiveFixtures.layer("top.txt", "top\n");
    private static final byte[] CONFIG = ArchiveFixtures.config("sh", BASE, TOP);

    @TempDir
    Path tmp;
    ImageStore store;

    @BeforeEach
    void openStore() throws IOException {
        ArchiveFixtures.assumeRoot();
        store = new ImageStore(tmp);
    }

    private List<String> load(byte[] archive) throws IOException {
        return new ArchiveLoader(store, PullProgress.quiet()).load(new ByteArrayInputStream(archive));
    }

    @Test
    void aDockerArchiveGetsAManifestMadeFromItsFiles() throws IOException {
        assertThat(load(ArchiveFixtures.dockerArchive("docker.io/test/bb:1", CONFIG, BASE, TOP)))
                .containsExactly("Loaded image: test/bb:1");

        ImageRecord image = store.find("test/bb:1").orElseThrow();
        assertThat(image.id()).isEqualTo(Digest.of(CONFIG));
        assertThat(image.created()).isEqualTo("2024-01-02T03:04:05Z");
        Manifest manifest = ImageJson.manifest(store.readBlob(image.manifestDigest()));
        assertThat(manifest.config().digest()).isEqualTo(image.id());
        assertThat(manifest.layers()).extracting(layer -> layer.mediaType())
                .containsExactly(MediaTypes.OCI_LAYER_GZIP, MediaTypes.OCI_LAYER);
        assertThat(image.layerBlobs()).containsExactly(Digest.of(ArchiveTar.gzip(BASE)), Digest.of(TOP));
        assertThat(store.layerDiff(image.layerChainIds().getLast()).resolve("top.txt")).hasContent("top\n");
        assertThat(store.readBlob(image.layerBlobs().getLast())).isEqualTo(TOP);
    }

    @Test
    void anUntaggedImageIsReportedByItsId() throws IOException {
        assertThat(load(ArchiveFixtures.dockerArchive(null, CONFIG, BASE, TOP)))
                .containsExactly("Loaded image ID: " + Digest.of(CONFIG));
    }

    @Test
    void aTagThatMovesIsReportedAsDockerDoes() throws IOException {
        load(ArchiveFixtures.dockerArchive("app:1", ArchiveFixtures.config("old", BASE), BASE));
        Digest oldId = Digest.of(ArchiveFixtures.config("old", BASE));
        assertThat(load(ArchiveFixtures.dockerArchive("app:1", CONFIG, BASE, TOP))).containsExactly(
                "The image app:1 already exists, renaming the old one with ID " + oldId + " to empty string",
                "Loaded image: app:1");
        assertThat(store.find(oldId.toString()).orElseThrow().repoTags()).isEmpty();
    }

    @Test
    void aLayerWhoseContentIsNotItsDiffIdAddsNoImage() throws IOException {
        byte[] corrupt = TOP.clone();
        corrupt[600] ^= 1; // in the padding after the content: still a valid tar, another diffID
        assertThatThrownBy(() -> load(ArchiveFixtures.dockerArchive("app:1", CONFIG, BASE, corrupt)))
                .hasMessageContaining(" is corrupt: its content has diffID " + Digest.of(corrupt)
                        + ", the image config lists " + Digest.of(TOP));
        assertThat(store.list()).isEmpty();
        assertThat(store.root().resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void aLayerThatIsAlreadyStoredIsStillChecked() throws IOException {
        load(ArchiveFixtures.dockerArchive("app:1", CONFIG, BASE, TOP));
        byte[] corrupt = TOP.clone();
        corrupt[600] ^= 1;
        assertThatThrownBy(() -> load(ArchiveFixtures.dockerArchive("app:2", CONFIG, BASE, corrupt)))
                .hasMessageContaining("is corrupt");
        assertThat(store.find("app:2")).isEmpty();
    }

    @Test
    void aManifestJsonNamingMissingFilesOrTheWrongLayerCountIsAnError() {
        byte[] missing = new ArchiveTar().file("c.json", CONFIG)
                .file("manifest.json", "[{\"Config\":\"c.json\",\"RepoTags\":null,\"Layers\":[\"a.tar\",\"b.tar\"]}]").bytes();
        assertThatThrownBy(() -> load(missing)).hasMessage("manifest.json[0] names a.tar, which the archive lacks");
        byte[] wrongCount = new ArchiveTar().file("c.json", CONFIG).file("a.tar", BASE)
                .file("manifest.json", "[{\"Config\":\"c.json\",\"Layers\":[\"a.tar\"]}]").bytes();
        assertThatThrownBy(() -> load(wrongCount)).hasMessage("manifest.json[0] lists 1 layers, the image config 2");
        byte[] badTag = new ArchiveTar().file("c.json", CONFIG).file("a.tar", BASE).file("b.tar", TOP)
                .file("manifest.json", "[{\"Config\":\"c.json\",\"RepoTags\":[\"UPPER:1\"],\"Layers\":[\"a.tar\",\"b.tar\"]}]")
                .bytes();
        assertThatThrownBy(() -> load(badTag)).hasMessageStartingWith("manifest.json[0]: RepoTags entry \"UPPER:1\"");
        byte[] notJson = new ArchiveTar().file("manifest.json", "[{").bytes();
        assertThatThrownBy(() -> load(notJson)).hasMessageStartingWith("manifest.json: invalid JSON at line 1");
    }

    @Test
    void anArchiveWithoutDocumentsIsNotAnImageArchive() {
        byte[] archive = new ArchiveTar().file("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)).bytes();
        assertThatThrownBy(() -> load(archive)).hasMessage(
                "the archive has neither index.json nor manifest.json: it is truncated, or not an image archive");
    }
}
