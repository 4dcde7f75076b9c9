package io.minicontainer.image.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever the tar says, nothing outside the layer directory is created, changed or removed.
 *
 * <p>These tests run as root against the real /etc: an attack that worked would write there. So
 * the entries aimed at /etc name a file /etc does not have (a regression then leaves a stray file,
 * which is reported and removed) and never an existing one such as /etc/passwd.
 */
class LayerTraversalTest {
    private static final Path ETC = Path.of("/etc");
    private static final Path ETC_PASSWD = Path.of("/etc/passwd");
    private static final String STRAY = "minicontainer-layer-test-must-not-exist";

    @TempDir
    Path sandbox;
    private Path layer;
    private Path outside;
    private Map<String, String> before;
    private Map<String, String> etcPasswdBefore;

    @BeforeEach
    void sentinels() throws IOException {
        Layers.assumeRoot();
        layer = Files.createDirectories(sandbox.resolve("d1/d2/layer")); // ../../.. from the layer is the sandbox
        outside = Files.createDirectories(sandbox.resolve("outside"));
        Files.writeString(outside.resolve("passwd"), "root:x:0:0\n");
        before = Layers.snapshot(sandbox, layer);
        etcPasswdBefore = Layers.snapshot(ETC_PASSWD, layer);
    }

    @AfterEach
    void nothingOutsideChanged() throws IOException {
        boolean strayWritten = Files.deleteIfExists(ETC.resolve(STRAY));
        assertThat(strayWritten).as("a file was written to /etc").isFalse();
        assertThat(Layers.snapshot(sandbox, layer)).isEqualTo(before);
        assertThat(Layers.snapshot(ETC_PASSWD, layer)).isEqualTo(etcPasswdBefore);
    }

    @Test
    void dotDotAboveTheRoot() {
        refused(new TarBuilder().file("../x", "pwned"), "../x", "climbs above the layer root");
        refused(new TarBuilder().file("a/../../x", "pwned"), "a/../../x", "climbs above the layer root");
        refused(new TarBuilder().file("/../../x", "pwned"), "/../../x", "climbs above the layer root");
        refused(new TarBuilder().dir("../../../escaped"), "../../../escaped/", "climbs above the layer root");
    }

    @Test
    void writingThroughAnAbsoluteSymlink() {
        refused(new TarBuilder().symlink("evil", "/etc").file("evil/" + STRAY, "pwned"),
                "evil/" + STRAY, "would be written through the symlink \"evil\"");
        refused(new TarBuilder().symlink("evil", outside.toString()).file("evil/passwd", "pwned"),
                "evil/passwd", "would be written through the symlink \"evil\"");
    }

    @Test
    void writingThroughARelativeSymlinkThatClimbs() {
        refused(new TarBuilder().symlink("evil", "../../..").file("evil/x", "pwned"),
                "evil/x", "would be written through the symlink \"evil\"");
        refused(new TarBuilder().dir("a").symlink("a/b", "../../../../outside").dir("a/b/c"),
                "a/b/c/", "would be written through the symlink \"a/b\"");
    }

    @Test
    void writingThroughASymlinkChain() {
        refused(new TarBuilder().symlink("a", "b").symlink("b", outside.toString()).file("a/passwd", "pwned"),
                "a/passwd", "would be written through the symlink \"a\"");
    }

    @Test
    void aDirectoryReplacedByASymlinkIsCheckedAgain() {
        refused(new TarBuilder().dir("lib").file("lib/ok", "x").symlink("lib", outside.toString())
                .file("lib/passwd", "pwned"), "lib/passwd", "would be written through the symlink \"lib\"");
    }

    @Test
    void everyKindOfEntryIsRefusedBehindASymlink() {
        TarBuilder evil = new TarBuilder().file("f", "x").symlink("evil", outside.toString());
        refused(evil.hardLink("evil/h", "f"), "evil/h", "would be written through the symlink \"evil\"");
        refused(new TarBuilder().symlink("evil", outside.toString()).symlink("evil/s", "/"),
                "evil/s", "would be written through the symlink \"evil\"");
        refused(new TarBuilder().symlink("evil", outside.toString()).node("evil/n", TarConstants.LF_FIFO, 0, 0, 0644),
                "evil/n", "would be written through the symlink \"evil\"");
        refused(new TarBuilder().symlink("evil", outside.toString()).file("evil/.wh.passwd", ""),
                "evil/.wh.passwd", "would be written through the symlink \"evil\"");
        refused(new TarBuilder().symlink("evil", outside.toString()).file("evil/.wh..wh..opq", ""),
                "evil/.wh..wh..opq", "would be written through the symlink \"evil\"");
    }

    @Test
    void hardLinkOutsideTheLayer() {
        refused(new TarBuilder().hardLink("stolen", "../../etc/passwd"),
                "stolen", "hard link target \"../../etc/passwd\" climbs above the layer root");
        refused(new TarBuilder().hardLink("stolen", "/etc/passwd"),
                "stolen", "hard link target \"etc/passwd\" is not in this layer");
    }

    @Test
    void hardLinkThroughASymlinkedDirectory() {
        refused(new TarBuilder().symlink("dir", outside.toString()).hardLink("stolen", "dir/passwd"),
                "stolen", "hard link target \"dir/passwd\" is reached through the symlink \"dir\"");
        refused(new TarBuilder().symlink("etc", "/etc").hardLink("stolen", "etc/passwd"),
                "stolen", "hard link target \"etc/passwd\" is reached through the symlink \"etc\"");
    }

    @Test
    void hardLinkToASymlinkLinksTheSymlinkItself() throws IOException {
        Layers.unpack(new TarBuilder().symlink("s", outside.resolve("passwd").toString()).hardLink("h", "s")
                .file("h", "replaced, not written through").build(), layer);

        assertThat(layer.resolve("h")).hasContent("replaced, not written through");
        assertThat(Files.isSymbolicLink(layer.resolve("s"))).isTrue();
    }

    @Test
    void laterEntriesReplaceASymlinkInsteadOfFollowingIt() throws IOException {
        String passwd = outside.resolve("passwd").toString();
        byte[] tar = new TarBuilder()
                .symlink("file", passwd).file("file", "mine")
                .symlink("dir", outside.toString()).dir("dir").file("dir/passwd", "mine")
                .symlink("node", passwd).node("node", TarConstants.LF_FIFO, 0, 0, 0600)
                .symlink("link", passwd).symlink("link", "elsewhere")
                .build();

        Layers.unpack(tar, layer);

        assertThat(layer.resolve("file")).isRegularFile().hasContent("mine");
        assertThat(layer.resolve("dir/passwd")).hasContent("mine");
        assertThat(Layers.device(layer.resolve("node"))).isEqualTo("p 0 0");
        assertThat(Files.readSymbolicLink(layer.resolve("link"))).hasToString("elsewhere");
    }

    @Test
    void whiteoutsCannotNameAParentOrClimb() {
        refused(new TarBuilder().file(".wh..", ""), ".wh..", "is a whiteout that names no file");
        refused(new TarBuilder().file("a/.wh.", ""), "a/.wh.", "is a whiteout that names no file");
        refused(new TarBuilder().file("../.wh.x", ""), "../.wh.x", "climbs above the layer root");
        refused(new TarBuilder().file(".wh.dir/x", ""), ".wh.dir/x", "is inside a whiteout");
    }

    @Test
    void theRootCannotBecomeAFile() {
        refused(new TarBuilder().file(".", "x"), ".", "would replace the layer's root directory");
        refused(new TarBuilder().symlink("a/..", "/"), "a/..", "would replace the layer's root directory");
    }

    private void refused(TarBuilder tar, String entry, String problem) {
        assertThatThrownBy(() -> Layers.unpack(tar.build(), layer))
                .isInstanceOf(LayerException.class)
                .hasMessage("layer entry \"" + entry + "\": " + problem);
        emptyLayer();
    }

    /** Each refused tar leaves a partial layer; the caller would remove it, so do the same. */
    private void emptyLayer() {
        try {
            Layers.empty(layer);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
