package io.minicontainer.image.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerWhiteoutTest {
    @TempDir
    Path layer;

    @BeforeEach
    void root() {
        Layers.assumeRoot();
    }

    @Test
    void whiteoutBecomesACharacterDevice00WithTheHeadersOwner() throws IOException {
        Layers.unpack(new TarBuilder().dir("etc").file("etc/.wh.motd", "", e -> e.setIds(3, 4)).build(), layer);

        assertThat(Layers.device(layer.resolve("etc/motd"))).isEqualTo("c 0 0");
        assertThat(Layers.unix(layer.resolve("etc/motd"))).containsEntry("uid", 3).containsEntry("gid", 4);
        assertThat(layer.resolve("etc/.wh.motd")).doesNotExist();
    }

    @Test
    void whiteoutAtTheTopAndInAMissingDirectory() throws IOException {
        Layers.unpack(new TarBuilder().file(".wh.top", "").file("var/cache/.wh.apt", "").build(), layer);

        assertThat(Layers.device(layer.resolve("top"))).isEqualTo("c 0 0");
        assertThat(Layers.device(layer.resolve("var/cache/apt"))).isEqualTo("c 0 0");
        assertThat(names(layer)).containsExactlyInAnyOrder("top", "var");
    }

    @Test
    void opaqueMarkerSetsTheXattrAndIsNotWritten() throws IOException {
        Layers.unpack(new TarBuilder().dir("usr").file("usr/.wh..wh..opq", "").file("usr/new", "x").build(), layer);

        assertThat(Layers.isOpaque(layer.resolve("usr"))).isTrue();
        assertThat(names(layer.resolve("usr"))).containsExactly("new");
    }

    @Test
    void opaqueMarkerBeforeItsDirectoryCreatesIt() throws IOException {
        Layers.unpack(new TarBuilder().file("opt/.wh..wh..opq", "").dir("opt", e -> e.setMode(0700)).build(), layer);

        assertThat(Layers.isOpaque(layer.resolve("opt"))).isTrue();
        assertThat(Layers.permissions(layer.resolve("opt"))).isEqualTo(0700);
    }

    @Test
    void opaqueMarkerAtTheTopMakesTheLayerRootOpaque() throws IOException {
        Layers.unpack(new TarBuilder().file(".wh..wh..opq", "").build(), layer);

        assertThat(Layers.isOpaque(layer)).isTrue();
    }

    @Test
    void aFileOfTheSameLayerReplacesAWhiteoutBeforeIt() throws IOException {
        Layers.unpack(new TarBuilder().file(".wh.a", "").file("a", "new").build(), layer);

        assertThat(layer.resolve("a")).isRegularFile().hasContent("new");
    }

    @Test
    void aWhiteoutAfterAFileOfTheSameLayerLeavesTheFile() throws IOException {
        Layers.unpack(new TarBuilder().file("a", "kept").file(".wh.a", "").build(), layer);

        assertThat(layer.resolve("a")).isRegularFile().hasContent("kept");
    }

    @Test
    void aDirectoryOfTheSameLayerAndAWhiteoutInEitherOrderHideTheLowerDirectory() throws IOException {
        Layers.unpack(new TarBuilder()
                .file(".wh.before", "").dir("before").file("before/x", "x")
                .dir("after").file("after/x", "x").file(".wh.after", "")
                .file(".wh.implicit", "").file("implicit/x", "x")
                .build(), layer);

        for (String directory : new String[] {"before", "after", "implicit"}) {
            assertThat(layer.resolve(directory)).isDirectory();
            assertThat(layer.resolve(directory + "/x")).hasContent("x");
            assertThat(Layers.isOpaque(layer.resolve(directory))).as(directory).isTrue();
        }
    }

    @Test
    void aDirectoryThatWasNotWhitedOutIsNotOpaque() throws IOException {
        Layers.unpack(new TarBuilder().dir("plain").file("plain/x", "x").build(), layer);

        assertThat(Layers.isOpaque(layer.resolve("plain"))).isFalse();
    }

    @Test
    void aufsMetadataIsSkipped() throws IOException {
        Layers.unpack(new TarBuilder()
                .dir(".wh..wh.plnk").file(".wh..wh.plnk/1234.5678", "x").file(".wh..wh.aufs", "")
                .dir("a").file("a/.wh..wh.orph", "")
                .build(), layer);

        assertThat(names(layer)).containsExactly("a");
        assertThat(names(layer.resolve("a"))).isEmpty();
    }

    @Test
    void whiteoutsDoNotDisturbTheTimesOfTheirDirectory() throws IOException {
        Instant time = Instant.parse("2018-01-01T00:00:00Z");
        Layers.unpack(new TarBuilder()
                .dir("etc", e -> e.setLastModifiedTime(FileTime.from(time)))
                .file("etc/.wh.old", "").file("etc/.wh..wh..opq", "")
                .build(), layer);

        assertThat(Files.getLastModifiedTime(layer.resolve("etc")).toInstant()).isEqualTo(time);
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.map(p -> p.getFileName().toString()).toList();
        }
    }
}
