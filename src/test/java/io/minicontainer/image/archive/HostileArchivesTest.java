package io.minicontainer.image.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.image.ImageReference;
import io.minicontainer.image.Importer;
import io.minicontainer.image.PullProgress;
import io.minicontainer.image.layer.LayerException;
import io.minicontainer.image.store.ImageStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * import and load of archives whose layer tries to write outside its directory: through "..",
 * a symlink to /etc or out of the layer followed by an entry written through it, or a hard link to
 * a host file. Each is refused, no image is added, and nothing appears outside the store.
 * (LayerTraversalTest covers the unpacker entry by entry; this is the same through the commands' paths.)
 */
class HostileArchivesTest {
    private static final String STRAY = "minicontainer-hostile-archive-must-not-exist";

    @TempDir
    Path tmp;
    ImageStore store;
    Path outside;

    @BeforeEach
    void openStore() throws IOException {
        ArchiveFixtures.assumeRoot();
        store = new ImageStore(Files.createDirectory(tmp.resolve("store")));
        outside = Files.createDirectory(tmp.resolve("outside"));
    }

    @AfterEach
    void nothingOutside() throws IOException {
        boolean stray = Files.deleteIfExists(Path.of("/etc", STRAY));
        assertThat(stray).as("a file was written to the host's /etc").isFalse();
        try (var files = Files.list(outside)) {
            assertThat(files.toList()).as("files written next to the store").isEmpty();
        }
        assertThat(store.list()).as("images added").isEmpty();
    }

    static List<byte[]> hostileLayers() {
        String out = "../../../../../../../../../../.." + "/etc/" + STRAY;
        return List.of(
                new ArchiveTar().file(out, "pwned").bytes(),
                new ArchiveTar().symlink("evil", "/etc").file("evil/" + STRAY, "pwned").bytes(),
                new ArchiveTar().symlink("up", "../../../../../../../../../..").file("up/etc/" + STRAY, "pwned").bytes(),
                new ArchiveTar().dir("a").symlink("a/b", "/").file("a/b/etc/" + STRAY, "pwned").bytes(),
                new ArchiveTar().hardlink("passwd", "../../../../../../../../../../etc/passwd").bytes(),
                new ArchiveTar().symlink("etc", "/etc").hardlink("shadow", "etc/shadow").bytes());
    }

    @ParameterizedTest
    @MethodSource("hostileLayers")
    void importRefusesALayerThatWritesOutside(byte[] layer) {
        assertThatThrownBy(() -> new Importer(store).importTarball(new ByteArrayInputStream(layer),
                ImageReference.parse("hostile:1"))).isInstanceOf(LayerException.class).hasMessageStartingWith("layer entry \"");
    }

    @ParameterizedTest
    @MethodSource("hostileLayers")
    void loadRefusesALayerThatWritesOutside(byte[] layer) {
        byte[] base = ArchiveFixtures.layer("base.txt", "base\n");
        byte[] archive = ArchiveFixtures.dockerArchive("hostile:1", ArchiveFixtures.config("sh", base, layer), base, layer);
        assertThatThrownBy(() -> new ArchiveLoader(store, PullProgress.quiet()).load(new ByteArrayInputStream(archive)))
                .isInstanceOf(IOException.class).hasMessageContaining(".tar of the archive: layer entry \"");
    }

    @Test
    void absoluteNamesAndAbsoluteSymlinksStayInsideTheImage() throws IOException {
        byte[] layer = new ArchiveTar().file("/etc/" + STRAY, "mine").symlink("/etc/link", "/etc/passwd")
                .bytes();
        var record = new Importer(store).importTarball(new ByteArrayInputStream(layer), ImageReference.parse("ok:1"));
        Path diff = store.layerDiff(record.layerChainIds().getFirst());
        assertThat(diff.resolve("etc/" + STRAY)).hasContent("mine");
        assertThat(Files.readSymbolicLink(diff.resolve("etc/link"))).hasToString("/etc/passwd");
        store.removeImage(record.id()); // so the common check sees an empty store
    }
}
