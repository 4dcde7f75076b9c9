package io.minicontainer.image.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.image.ImageReference;
import io.minicontainer.image.Importer;
import io.minicontainer.image.PullProgress;
import io.minicontainer.image.store.ImageRecord;
import io.minicontainer.image.store.ImageStore;
import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** save from one store, load into another: the same image, byte for byte, in both directions. */
class ArchiveRoundTripTest {
    @TempDir
    Path tmp;
    ImageStore source;
    ImageStore target;
    ImageRecord imported;

    @BeforeEach
    void importAnImage() throws IOException {
        ArchiveFixtures.assumeRoot();
        source = new ImageStore(tmp.resolve("source"));
        target = new ImageStore(tmp.resolve("target"));
        byte[] layer = ArchiveTar.gzip(ArchiveFixtures.layer("hello.txt", "hello\n"));
        imported = new Importer(source).importTarball(new ByteArrayInputStream(layer), ImageReference.parse("test/app:1"));
    }

    private byte[] save(String... names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ArchiveWriter(source).write(SaveSelection.select(List.of(names), source.list(), source::find), out);
        return out.toByteArray();
    }

    private List<String> load(byte[] archive) throws IOException {
        return new ArchiveLoader(target, PullProgress.quiet()).load(new ByteArrayInputStream(archive));
    }

    @Test
    void aSavedImageLoadsAsTheSameImage() throws IOException {
        assertThat(load(save("test/app:1"))).containsExactly("Loaded image: test/app:1");

        ImageRecord loaded = target.find("test/app:1").orElseThrow();
        assertThat(loaded.id()).isEqualTo(imported.id());
        assertThat(loaded.manifestDigest()).isEqualTo(imported.manifestDigest()); // index.json was used
        assertThat(loaded.layerBlobs()).isEqualTo(imported.layerBlobs());
        assertThat(loaded.layerChainIds()).isEqualTo(imported.layerChainIds());
        for (Digest blob : List.of(imported.id(), imported.manifestDigest(), imported.layerBlobs().getFirst())) {
            assertThat(target.readBlob(blob)).isEqualTo(source.readBlob(blob));
        }
        assertThat(target.layerDiff(loaded.layerChainIds().getFirst()).resolve("hello.txt")).hasContent("hello\n");
        assertThat(target.root().resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void theArchiveIsTheSameBytesEveryTime() throws IOException {
        assertThat(save("test/app:1")).isEqualTo(save("test/app:1"));
    }

    @Test
    void anImageSavedByIdLoadsUntagged() throws IOException {
        assertThat(load(save(imported.id().toString()))).containsExactly("Loaded image ID: " + imported.id());
        assertThat(target.find(imported.id().toString()).orElseThrow().repoTags()).isEmpty();
    }

    @Test
    void everyTagOfARepositoryIsSavedAndLoaded() throws IOException {
        source.tag(imported, ImageReference.parse("test/app:2"));
        assertThat(load(save("test/app"))).containsExactly("Loaded image: test/app:1", "Loaded image: test/app:2");
        assertThat(target.find("test/app:2").orElseThrow().id()).isEqualTo(imported.id());
    }

    @Test
    void loadingAgainFindsTheLayerAndChangesNothing() throws IOException {
        byte[] archive = save("test/app:1");
        load(archive);
        assertThat(load(archive)).containsExactly("Loaded image: test/app:1");
        assertThat(target.list()).hasSize(1);
    }

    @Test
    void withoutItsLayerBlobAnImageCannotBeSavedAndNothingIsWritten() throws IOException {
        Files.delete(source.blobPath(imported.layerBlobs().getFirst()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<SavedImage> images = SaveSelection.select(List.of("test/app:1"), source.list(), source::find);
        assertThatThrownBy(() -> new ArchiveWriter(source).write(images, out))
                .hasMessageStartingWith("cannot save test/app:1: its layer blob " + imported.layerBlobs().getFirst()
                        + " is not in the store");
        assertThat(out.size()).isZero();
    }

    @Test
    void theManifestListsTheLayersTheArchiveHolds() throws IOException {
        byte[] archive = save("test/app:1");
        SpooledArchive spooled = SpooledArchive.read(new ByteArrayInputStream(archive),
                Files.createDirectory(tmp.resolve("spool")));
        List<DockerManifestJson.Entry> entries = DockerManifestJson.parse(
                SpooledArchive.read(spooled.file("manifest.json", "test")));
        assertThat(entries).containsExactly(new DockerManifestJson.Entry("blobs/sha256/" + imported.id().hex(),
                List.of("test/app:1"), List.of("blobs/sha256/" + imported.layerBlobs().getFirst().hex())));
        String index = new String(SpooledArchive.read(spooled.file("index.json", "test")), StandardCharsets.UTF_8);
        assertThat(ImageJson.index(index.getBytes(StandardCharsets.UTF_8)).manifests().getFirst().digest())
                .isEqualTo(imported.manifestDigest());
        assertThat(spooled.has("oci-layout")).isTrue();
        assertThat(spooled.has("repositories")).isTrue();
    }
}
