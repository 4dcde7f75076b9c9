package io.minicontainer.image.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.image.ImageReference;
import io.minicontainer.image.store.ImageRecord;
import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageSpec.Platform;
import io.minicontainer.oci.MediaTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SaveSelectionTest {
    private static final ImageRecord BUSYBOX = record("busybox", "docker.io/library/busybox:latest",
            "docker.io/library/busybox:1.36");
    private static final ImageRecord OLD_BUSYBOX = record("old busybox", "docker.io/library/busybox:1.35");
    private static final ImageRecord APP = record("app", "127.0.0.1:5000/team/app:1");
    private static final ImageRecord UNTAGGED = record("untagged");
    private static final List<ImageRecord> ALL = List.of(BUSYBOX, OLD_BUSYBOX, APP, UNTAGGED);

    private static ImageRecord record(String config, String... tags) {
        return new ImageRecord(Digest.of(config.getBytes(StandardCharsets.UTF_8)), Digest.of(new byte[0]),
                MediaTypes.OCI_MANIFEST, List.of(), List.of(), new Platform("linux", "amd64", ""), "", 0,
                List.of(tags), List.of());
    }

    /** The store's find, reduced to what these tests need: tags and id prefixes. */
    private static Optional<ImageRecord> find(String name) {
        String hex = name.startsWith("sha256:") ? name.substring(7) : name;
        return ALL.stream().filter(image -> image.repoTags().contains(ImageReference.parse(name).toString())
                || image.id().hex().startsWith(hex)).findFirst();
    }

    private static List<SavedImage> select(String... names) throws IOException {
        return SaveSelection.select(List.of(names), ALL, SaveSelectionTest::find);
    }

    private static List<ImageReference> tags(String... names) {
        return List.of(names).stream().map(ImageReference::parse).toList();
    }

    @Test
    void aTagSavesThatTagOnly() throws IOException {
        assertThat(select("busybox:1.36")).containsExactly(new SavedImage(BUSYBOX, tags("busybox:1.36")));
    }

    @Test
    void aRepositorySavesEveryTagItHasAcrossImages() throws IOException {
        assertThat(select("busybox")).containsExactly(new SavedImage(BUSYBOX, tags("busybox:latest", "busybox:1.36")),
                new SavedImage(OLD_BUSYBOX, tags("busybox:1.35")));
        assertThat(select("127.0.0.1:5000/team/app")).containsExactly(new SavedImage(APP, tags("127.0.0.1:5000/team/app:1")));
    }

    @Test
    void idsIdPrefixesAndDigestReferencesSaveTheImageUntagged() throws IOException {
        assertThat(select(UNTAGGED.id().toString())).containsExactly(new SavedImage(UNTAGGED, List.of()));
        assertThat(select(APP.id().hex().substring(0, 8))).containsExactly(new SavedImage(APP, List.of()));
        assertThat(SaveSelection.taggedName("busybox@" + APP.id())).isEmpty();
    }

    @Test
    void anImageNamedTwiceIsSavedOnceWithAllItsTagsInTheOrderGiven() throws IOException {
        assertThat(select("127.0.0.1:5000/team/app:1", "busybox:1.36", "busybox:latest",
                BUSYBOX.id().toString())).containsExactly(
                new SavedImage(APP, tags("127.0.0.1:5000/team/app:1")),
                new SavedImage(BUSYBOX, tags("busybox:1.36", "busybox:latest")));
    }

    @Test
    void anUnknownNameIsAnError() {
        assertThatThrownBy(() -> select("busybox:9")).hasMessage("No such image: busybox:9");
        assertThatThrownBy(() -> select("nothing")).hasMessage("No such image: nothing");
    }

    @Test
    void repositoryOnlyNamesAreTold() {
        assertThat(SaveSelection.isRepositoryOnly("busybox")).isTrue();
        assertThat(SaveSelection.isRepositoryOnly("localhost:5000/x")).isTrue();
        assertThat(SaveSelection.isRepositoryOnly("localhost:5000/x:1")).isFalse();
        assertThat(SaveSelection.isRepositoryOnly("busybox@" + APP.id())).isFalse();
        assertThat(SaveSelection.isRepositoryOnly("sha256:" + APP.id().hex())).isFalse();
        assertThat(SaveSelection.isRepositoryOnly("Not Valid")).isFalse();
    }
}
