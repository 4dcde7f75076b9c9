package io.minicontainer.image.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A later entry replaces an earlier one of the same name; a directory over a directory only takes its metadata. */
class LayerReplacementTest {
    private static final Instant LATER = Instant.parse("2024-06-07T08:09:10Z");

    @TempDir
    Path layer;

    @BeforeEach
    void root() {
        Layers.assumeRoot();
    }

    @Test
    void fileThenDirectory() throws IOException {
        Layers.unpack(new TarBuilder().file("a", "file").dir("a").file("a/x", "x").build(), layer);

        assertThat(layer.resolve("a")).isDirectory();
        assertThat(layer.resolve("a/x")).hasContent("x");
    }

    @Test
    void directoryThenFileRemovesTheTreeAndKeepsTheFilesTimes() throws IOException {
        Layers.unpack(new TarBuilder()
                .dir("a").dir("a/b").file("a/b/x", "x")
                .file("a", "file", e -> e.setLastModifiedTime(FileTime.from(LATER)))
                .build(), layer);

        assertThat(layer.resolve("a")).isRegularFile().hasContent("file");
        assertThat(Files.getLastModifiedTime(layer.resolve("a")).toInstant()).isEqualTo(LATER);
    }

    @Test
    void directoryThenDirectoryKeepsTheChildrenAndTakesTheNewMetadata() throws IOException {
        Layers.unpack(new TarBuilder()
                .dir("d", e -> {
                    e.setMode(0700);
                    e.setIds(1, 1);
                })
                .file("d/kept", "x")
                .dir("d", e -> {
                    e.setMode(0750);
                    e.setIds(2, 3);
                    e.setLastModifiedTime(FileTime.from(LATER));
                })
                .build(), layer);

        Path directory = layer.resolve("d");
        assertThat(directory.resolve("kept")).hasContent("x");
        assertThat(Layers.permissions(directory)).isEqualTo(0750);
        assertThat(Layers.unix(directory)).containsEntry("uid", 2).containsEntry("gid", 3);
        assertThat(Files.getLastModifiedTime(directory).toInstant()).isEqualTo(LATER);
    }

    @Test
    void fileThenSymlinkAndSymlinkThenFile() throws IOException {
        Layers.unpack(new TarBuilder()
                .file("x", "file").symlink("x", "target")
                .symlink("y", "target").file("y", "file")
                .build(), layer);

        assertThat(Files.readSymbolicLink(layer.resolve("x"))).hasToString("target");
        assertThat(layer.resolve("y")).isRegularFile().hasContent("file");
    }

    @Test
    void fileThenFileUnlinksSoAnEarlierHardLinkKeepsTheOldContent() throws IOException {
        Layers.unpack(new TarBuilder().file("a", "old").hardLink("b", "a").file("a", "new").build(), layer);

        assertThat(layer.resolve("a")).hasContent("new");
        assertThat(layer.resolve("b")).hasContent("old");
    }

    @Test
    void hardLinkReplacesAnEarlierEntryAndALinkToItselfIsKept() throws IOException {
        Layers.unpack(new TarBuilder()
                .file("target", "t").dir("name").file("name/x", "x").hardLink("name", "target")
                .hardLink("target", "target")
                .build(), layer);

        assertThat(layer.resolve("name")).isRegularFile().hasContent("t");
        assertThat(layer.resolve("target")).hasContent("t");
    }

    @Test
    void hardLinkToAMissingOrDirectoryTargetIsRefused() {
        assertThatThrownBy(() -> Layers.unpack(new TarBuilder().hardLink("b", "nowhere").build(), layer))
                .hasMessage("layer entry \"b\": hard link target \"nowhere\" is not in this layer");
        assertThatThrownBy(() -> Layers.unpack(new TarBuilder().hardLink("c", "x/y").build(), layer))
                .hasMessage("layer entry \"c\": hard link target \"x/y\" is not in this layer");
    }

    @Test
    void hardLinkToADirectoryIsRefused() throws IOException {
        assertThatThrownBy(() -> Layers.unpack(new TarBuilder().dir("d").hardLink("b", "d").build(), layer))
                .hasMessage("layer entry \"b\": hard link target \"d\" is a directory");
    }

    @Test
    void aFileCannotBeADirectoryOfALaterEntry() {
        assertThatThrownBy(() -> Layers.unpack(new TarBuilder().file("a", "x").file("a/b", "y").build(), layer))
                .hasMessage("layer entry \"a/b\": \"a\" is not a directory");
    }

    @Test
    void symlinkTimesAreOnTheLinkItself() throws IOException {
        Layers.unpack(new TarBuilder()
                .file("target", "t")
                .symlink("link", "target", e -> e.setLastModifiedTime(FileTime.from(LATER)))
                .build(), layer);

        assertThat(Files.getLastModifiedTime(layer.resolve("link"), LinkOption.NOFOLLOW_LINKS).toInstant())
                .isEqualTo(LATER);
        assertThat(Files.getLastModifiedTime(layer.resolve("target")).toInstant()).isEqualTo(TarBuilder.MTIME);
    }
}
