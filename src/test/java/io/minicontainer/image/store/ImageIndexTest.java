package io.minicontainer.image.store;

import static io.minicontainer.image.store.Fixtures.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.image.ImageReference;
import io.minicontainer.oci.Digest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageIndexTest {
    private static final ImageReference BUSYBOX = ImageReference.parse("busybox");

    @TempDir
    Path root;
    ImageStore store;
    ImageRecord busybox;

    @BeforeEach
    void storeBusybox() throws IOException {
        store = new ImageStore(root);
        busybox = image(store, "busybox config", "base");
        store.addImage(busybox.withRepoDigests(List.of("busybox@" + busybox.manifestDigest())), BUSYBOX);
    }

    private ImageRecord found(String text) throws IOException {
        return store.find(text).orElseThrow(() -> new AssertionError("not found: " + text));
    }

    @Test
    void addedImageKeepsItsRecordWithQualifiedNames() throws IOException {
        ImageRecord stored = found("busybox");

        assertThat(stored.id()).isEqualTo(busybox.id());
        assertThat(stored.layerChainIds()).isEqualTo(busybox.layerChainIds());
        assertThat(stored.repoTags()).containsExactly("docker.io/library/busybox:latest");
        assertThat(stored.repoDigests()).containsExactly("docker.io/library/busybox@" + busybox.manifestDigest());
        assertThat(new ImageStore(root).list()).containsExactly(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"busybox", "busybox:latest", "library/busybox", "docker.io/library/busybox:latest",
            "index.docker.io/library/busybox"})
    void findsByReference(String text) throws IOException {
        assertThat(found(text).id()).isEqualTo(busybox.id());
    }

    @Test
    void findsByRepoDigestFullIdAndIdPrefix() throws IOException {
        String id = busybox.id().hex();

        for (String text : List.of("busybox@" + busybox.manifestDigest(), "docker.io/library/busybox@"
                + busybox.manifestDigest(), "sha256:" + id, id, id.substring(0, 12), id.substring(0, 1),
                "sha256:" + id.substring(0, 5))) {
            assertThat(found(text).id()).as(text).isEqualTo(busybox.id());
        }
    }

    @Test
    void unknownNamesAndIdsAreAbsent() throws IOException {
        String otherHex = busybox.id().hex().startsWith("f") ? "0" : "f";

        assertThat(store.find("busybox:1.36")).isEmpty();
        assertThat(store.find("alpine")).isEmpty();
        assertThat(store.find(otherHex)).isEmpty();
        assertThat(store.find("sha256:" + "0".repeat(64))).isEmpty();
        assertThat(store.find("busybox@" + busybox.id())).isEmpty();
    }

    @Test
    void invalidReferenceIsAnError() {
        assertThatThrownBy(() -> store.find("BusyBox")).isInstanceOf(ImageStoreException.class)
                .hasMessage("invalid reference format \"BusyBox\": repository name must be lowercase");
    }

    @Test
    void ambiguousIdPrefixIsAnError() throws IOException {
        Map<Character, ImageRecord> byFirstDigit = new HashMap<>();
        byFirstDigit.put(busybox.id().hex().charAt(0), busybox);
        for (int i = 0; ; i++) {
            ImageRecord other = image(store, "config " + i, "base");
            store.addImage(other, null);
            if (byFirstDigit.putIfAbsent(other.id().hex().charAt(0), other) != null) {
                String prefix = other.id().hex().substring(0, 1);
                assertThatThrownBy(() -> store.find(prefix)).isInstanceOf(ImageStoreException.class)
                        .hasMessage("ambiguous image id prefix \"" + prefix + "\": 2 images match");
                return;
            }
        }
    }

    @Test
    void tagMovesToTheNewImageAndTheOldOneStaysUntagged() throws IOException {
        ImageRecord newer = image(store, "busybox config, newer", "base", "update");

        store.addImage(newer, BUSYBOX);

        assertThat(found("busybox").id()).isEqualTo(newer.id());
        ImageRecord older = found(busybox.id().toString());
        assertThat(older.repoTags()).isEmpty();
        assertThat(older.repoDigests()).containsExactly("docker.io/library/busybox@" + busybox.manifestDigest());
        assertThat(store.list()).extracting(ImageRecord::id).containsExactly(busybox.id(), newer.id());
    }

    @Test
    void tagAddsANameAndTakesItFromItsOwner() throws IOException {
        ImageRecord app = image(store, "app config", "base", "app");
        store.addImage(app, ImageReference.parse("registry.example.com:5000/team/app:1.0"));

        store.tag(app, ImageReference.parse("busybox:latest"));

        assertThat(found("busybox").id()).isEqualTo(app.id());
        assertThat(found("registry.example.com:5000/team/app:1.0").repoTags()).containsExactly(
                "registry.example.com:5000/team/app:1.0", "docker.io/library/busybox:latest");
        assertThat(found(busybox.id().toString()).repoTags()).isEmpty();
    }

    @Test
    void tagWithADigestIsRefused() {
        ImageReference pinned = ImageReference.parse("busybox@" + busybox.manifestDigest());

        assertThatThrownBy(() -> store.tag(busybox, pinned)).isInstanceOf(ImageStoreException.class)
                .hasMessage("cannot tag with a digest reference: busybox@" + busybox.manifestDigest());
    }

    @Test
    void taggingAnImageNotInTheIndexFails() throws IOException {
        ImageRecord stray = image(store, "never added", "base");

        assertThatThrownBy(() -> store.tag(stray, ImageReference.parse("stray"))).isInstanceOf(ImageStoreException.class)
                .hasMessage("no such image: " + stray.id());
    }

    @Test
    void untagSaysWhetherAnythingStillNamesTheImage() throws IOException {
        store.tag(busybox, ImageReference.parse("busybox:1.36"));

        assertThat(store.untag(ImageReference.parse("busybox:1.36"))).isFalse();
        assertThat(found(busybox.id().toString()).repoTags()).containsExactly("docker.io/library/busybox:latest");
        assertThat(store.untag(BUSYBOX)).isTrue();
        ImageRecord untagged = found(busybox.id().toString());
        assertThat(untagged.repoTags()).isEmpty();
        assertThat(untagged.repoDigests()).as("the repository's digests go with its last tag").isEmpty();
        assertThat(store.find("busybox")).isEmpty();
    }

    @Test
    void untagKeepsTheImageNamedWhileAnotherRepositoryNamesIt() throws IOException {
        store.tag(busybox, ImageReference.parse("mine:1"));

        assertThat(store.untag(BUSYBOX)).isFalse();
        assertThat(store.untag(ImageReference.parse("mine:1"))).isTrue();
    }

    @Test
    void untagOfADigestReferenceRemovesJustIt() throws IOException {
        assertThat(store.untag(ImageReference.parse("busybox@" + busybox.manifestDigest()))).isFalse();
        assertThat(found("busybox").repoDigests()).isEmpty();
    }

    @Test
    void untagOfAnUnknownNameFails() {
        assertThatThrownBy(() -> store.untag(ImageReference.parse("busybox:nope")))
                .isInstanceOf(ImageStoreException.class).hasMessage("no such image: busybox:nope");
    }

    @Test
    void removeImageDropsTheRecordWhateverNamesIt() throws IOException {
        assertThat(store.removeImage(busybox.id())).isTrue();

        assertThat(store.list()).isEmpty();
        assertThat(store.find("busybox")).isEmpty();
        assertThat(store.removeImage(busybox.id())).isFalse();
    }

    @Test
    void addingTheSameImageAgainMergesItsNames() throws IOException {
        store.addImage(busybox, ImageReference.parse("busybox@" + busybox.manifestDigest()));
        store.addImage(busybox, ImageReference.parse("busybox:stable"));

        assertThat(store.list()).hasSize(1);
        assertThat(found("busybox:stable").repoTags()).containsExactly("docker.io/library/busybox:latest",
                "docker.io/library/busybox:stable");
        assertThat(found("busybox:stable").repoDigests()).hasSize(1);
    }

    @Test
    void concurrentAddsAllLand() throws Exception {
        List<ImageRecord> images = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            images.add(image(store, "config " + i, "base", "layer " + i));
        }
        try (ExecutorService threads = Executors.newFixedThreadPool(images.size())) {
            List<Future<?>> adds = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                ImageRecord image = images.get(i);
                ImageReference tag = ImageReference.parse("app:" + i);
                adds.add(threads.submit(() -> {
                    new ImageStore(root).addImage(image, tag);
                    return null;
                }));
            }
            for (Future<?> add : adds) {
                add.get();
            }
        }

        assertThat(store.list()).hasSize(1 + images.size());
        for (int i = 0; i < images.size(); i++) {
            assertThat(found("app:" + i).id()).isEqualTo(images.get(i).id());
        }
    }

    @Test
    void anImageWhoseContentIsMissingIsNotAdded() throws IOException {
        Digest missingLayer = Fixtures.diffId("never unpacked");
        ImageRecord incomplete = new ImageRecord(store.putBlob(Fixtures.bytes("other config")),
                busybox.manifestDigest(), busybox.manifestMediaType(), List.of(missingLayer), List.of(),
                Fixtures.AMD64, "", 0, List.of(), List.of());

        assertThatThrownBy(() -> store.addImage(incomplete, ImageReference.parse("broken")))
                .isInstanceOf(ImageStoreException.class)
                .hasMessage("image " + incomplete.id() + ": layer " + missingLayer + " is not in the store");
        assertThat(store.find("broken")).isEmpty();
        assertThat(store.list()).hasSize(1);
    }
}
