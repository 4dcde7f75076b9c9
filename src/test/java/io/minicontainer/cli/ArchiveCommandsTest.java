package io.minicontainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** save and load as commands: their arguments, their one line of error, their output. */
class ArchiveCommandsTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int execute(String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of("--root", tmp.resolve("root").toString(),
                "--runroot", tmp.resolve("run").toString()));
        all.addAll(List.of(args));
        Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("PATH", "/usr/bin:/bin",
                "MINICONTAINER_NETWORK", "none"));
        return main.execute(all);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void saveNeedsAnImage() {
        assertThat(execute("save")).isEqualTo(125);
        assertThat(err()).isEqualTo("minicontainer: \"save\" requires at least 1 argument\n");
    }

    @Test
    void savingAnUnknownImageLeavesNoFile() throws IOException {
        Path file = tmp.resolve("out.tar");
        assertThat(execute("save", "-o", file.toString(), "nothing:1")).isEqualTo(125);
        assertThat(err()).isEqualTo("minicontainer: save: No such image: nothing:1\n");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(path -> path.getFileName().toString())).doesNotContain("out.tar")
                    .noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    void loadTakesNoArgumentsAndNamesAMissingFile() {
        assertThat(execute("load", "extra")).isEqualTo(125);
        assertThat(err()).startsWith("minicontainer: \"load\" accepts no arguments");
        assertThat(execute("image", "load", "-i", tmp.resolve("missing.tar").toString())).isEqualTo(125);
        assertThat(err()).isEqualTo("minicontainer: open " + tmp.resolve("missing.tar") + ": no such file or directory\n");
    }

    @Test
    void loadingSomethingElseIsOneLineAndAddsNoImage() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "not an archive\n".repeat(100));
        assertThat(execute("load", "-i", text.toString())).isEqualTo(125);
        assertThat(err()).startsWith("minicontainer: load: the input is not").hasLineCount(1);
        assertThat(execute("images", "-q")).isZero();
        assertThat(out()).isEmpty();
    }

    @Test
    void anImageSavedToStandardOutputLoadsFromAFile() throws IOException {
        assumeRoot();
        Path tarball = rootfsTarball();
        assertThat(execute("import", tarball.toString(), "test/app:1")).as(err()).isZero();
        String id = out().strip();

        assertThat(execute("image", "save", "test/app:1")).as(err()).isZero();
        Path archive = Files.write(tmp.resolve("saved.tar"), out.toByteArray());
        assertThat(execute("rmi", "test/app:1")).as(err()).isZero();
        assertThat(execute("load", "-q", "-i", archive.toString())).as(err()).isZero();
        assertThat(out()).isEqualTo("Loaded image: test/app:1\n");
        assertThat(execute("images", "-q", "--no-trunc")).isZero();
        assertThat(out()).isEqualTo(id + "\n");
    }

    private Path rootfsTarball() throws IOException {
        Path tarball = tmp.resolve("rootfs.tar.gz");
        try (OutputStream file = Files.newOutputStream(tarball);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
            byte[] content = "hello\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("hello.txt");
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return tarball;
    }

    private static void assumeRoot() throws IOException {
        assumeTrue((int) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0, "import unpacks as root");
    }
}
