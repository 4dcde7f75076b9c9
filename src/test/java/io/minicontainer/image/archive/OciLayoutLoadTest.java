package io.minicontainer.image.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.image.Platforms;
import io.minicontainer.image.PullProgress;
import io.minicontainer.image.store.ImageRecord;
import io.minicontainer.image.store.ImageStore;
import io.minicontainer.oci.Digest;
import io.minicontainer.oci.MediaTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading OCI layout archives: names from annotations, indexes resolved to this host's image. */
class OciLayoutLoadTest {
    private static final byte[] LAYER = ArchiveTar.gzip(ArchiveFixtures.layer("hello.txt", "hello\n"));
    private static final byte[] CONFIG = ArchiveFixtures.config("sh", ArchiveFixtures.layer("hello.txt", "hello\n"));
    private static final byte[] MANIFEST = bytes("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\","
            + "\"config\":" + descriptor(MediaTypes.OCI_CONFIG, CONFIG) + ",\"layers\":["
            + descriptor(MediaTypes.OCI_LAYER_GZIP, LAYER) + "]}");

    @TempDir
    Path tmp;
    ImageStore store;

    @BeforeEach
    void openStore() throws IOException {
        ArchiveFixtures.assumeRoot();
        store = new ImageStore(tmp);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String descriptor(String mediaType, byte[] content) {
        return descriptor(mediaType, content, "");
    }

    private static String descriptor(String mediaType, byte[] content, String extra) {
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + Digest.of(content) + "\",\"size\":"
                + content.length + extra + "}";
    }

    private static ArchiveTar layout(String... indexEntries) {
        ArchiveTar tar = new ArchiveTar().file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}");
        for (byte[] blob : List.of(LAYER, CONFIG, MANIFEST)) {
            tar.file("blobs/sha256/" + Digest.of(blob).hex(), blob);
        }
        return tar.file("index.json", "{\"schemaVersion\":2,\"manifests\":[" + String.join(",", indexEntries) + "]}");
    }

    private static String annotated(String annotations) {
        return descriptor(MediaTypes.OCI_MANIFEST, MANIFEST, ",\"annotations\":{" + annotations + "}");
    }

    private List<String> load(byte[] archive) throws IOException {
        return new ArchiveLoader(store, PullProgress.quiet()).load(new ByteArrayInputStream(archive));
    }

    @Test
    void skopeosTagOnlyRefNameLeavesTheImageUntaggedAndKeepsTheManifest() throws IOException {
        assertThat(load(layout(annotated("\"org.opencontainers.image.ref.name\":\"v1\"")).bytes()))
                .containsExactly("Loaded image ID: " + Digest.of(CONFIG));
        ImageRecord image = store.find(Digest.of(CONFIG).toString()).orElseThrow();
        assertThat(image.manifestDigest()).isEqualTo(Digest.of(MANIFEST));
        assertThat(store.readBlob(image.manifestDigest())).isEqualTo(MANIFEST);
    }

    @Test
    void entriesNamingOneManifestAreOneImageWithSeveralTags() throws IOException {
        assertThat(load(layout(annotated("\"io.containerd.image.name\":\"docker.io/library/app:1\""),
                annotated("\"org.opencontainers.image.ref.name\":\"example.com/app:2\"")).bytes()))
                .containsExactly("Loaded image: app:1", "Loaded image: example.com/app:2");
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void anIndexGivesTheHostsManifestAmongThoseInTheArchive() throws IOException {
        String host = Platforms.host().architecture();
        byte[] index = bytes("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":["
                + descriptor(MediaTypes.OCI_MANIFEST, bytes("absent"), ",\"platform\":{\"os\":\"linux\",\"architecture\":\""
                        + host + "\"}") + ","
                + descriptor(MediaTypes.OCI_MANIFEST, MANIFEST, ",\"platform\":{\"os\":\"linux\",\"architecture\":\""
                        + host + "\"}") + "]}");
        byte[] archive = layout(descriptor(MediaTypes.OCI_INDEX, index,
                ",\"annotations\":{\"io.containerd.image.name\":\"docker.io/library/multi:1\"}"))
                .file("blobs/sha256/" + Digest.of(index).hex(), index).bytes();
        assertThat(load(archive)).containsExactly("Loaded image: multi:1");
        assertThat(store.find("multi:1").orElseThrow().manifestDigest()).isEqualTo(Digest.of(MANIFEST));
    }

    @Test
    void aCorruptBlobIsRefusedBeforeAnythingIsStored() throws IOException {
        byte[] corrupt = LAYER.clone();
        corrupt[corrupt.length / 2] ^= 1;
        byte[] archive = layout(annotated("\"org.opencontainers.image.ref.name\":\"v1\""))
                .file("blobs/sha256/" + Digest.of(LAYER).hex(), corrupt).bytes();
        assertThatThrownBy(() -> load(archive)).hasMessage("archive entry blobs/sha256/" + Digest.of(LAYER).hex()
                + " is corrupt: its content has digest " + Digest.of(corrupt));
        assertThat(store.list()).isEmpty();
    }

    @Test
    void anUnusableIndexFallsBackToManifestJson() throws IOException {
        String configName = "blobs/sha256/" + Digest.of(CONFIG).hex();
        byte[] archive = layout("{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + Digest.of(bytes("x"))
                + "\",\"size\":1}").file("manifest.json", "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"app:1\"],"
                + "\"Layers\":[\"blobs/sha256/" + Digest.of(LAYER).hex() + "\"]}]").bytes();
        assertThat(load(archive)).containsExactly("Loaded image: app:1");
    }

    @Test
    void withoutManifestJsonAnUnusableIndexIsTheError() {
        byte[] archive = layout("{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + Digest.of(bytes("x"))
                + "\",\"size\":1}").bytes();
        assertThatThrownBy(() -> load(archive)).hasMessage("the archive lacks the manifest blob " + Digest.of(bytes("x")));
    }
}
