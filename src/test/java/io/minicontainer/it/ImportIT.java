package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlift.compress.v3.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** import: a root file system tarball, like Alpine's minirootfs, becomes an image that runs. */
class ImportIT extends ContainerTest {

    @ParameterizedTest
    @ValueSource(strings = {"none", "gzip", "zstd"})
    void aTarballInAnyCompressionBecomesARunnableImage(String compression) throws Exception {
        Path tarball = Files.write(root.resolve("rootfs.tar." + compression), compress(tarOf(rootfs), compression));
        Cli.Result imported = cli.run("import", tarball.toString(), "local/imported:" + compression);
        assertThat(imported.exitCode()).as(imported.stderr()).isZero();
        assertThat(imported.stdout()).matches("sha256:[0-9a-f]{64}\n");

        assertThat(cli.run("images").stdout()).contains("local/imported", compression);
        Cli.Result run = cli.run("run", "--rm", "local/imported:" + compression, "cat", "/data/file.txt");
        assertThat(run.stdout()).isEqualTo("original\n");
    }

    @Test
    void standardInputWorksAndAnImportWithoutANameIsUntagged() throws Exception {
        Cli.Result imported = cli.runWithBytes(tarOf(rootfs), "import", "-");
        assertThat(imported.exitCode()).as(imported.stderr()).isZero();
        assertThat(cli.run("images").stdout()).contains("<none>");
    }

    @Test
    void anImportedImageHasNoCommandSoRunNeedsOne() throws Exception {
        Path tarball = Files.write(root.resolve("rootfs.tar"), tarOf(rootfs));
        assertThat(cli.run("import", tarball.toString(), "bare").exitCode()).isZero();
        Cli.Result run = cli.run("run", "--rm", "bare");
        assertThat(run.exitCode()).isEqualTo(125);
        assertThat(run.stderr()).isEqualTo("minicontainer: no command specified\n");
    }

    @Test
    void aMissingFileOrABrokenTarballIsAClearErrorAndStoresNothing() throws Exception {
        Cli.Result missing = cli.run("import", root.resolve("nope.tar").toString(), "x");
        assertThat(missing.exitCode()).isEqualTo(125);
        assertThat(missing.stderr()).contains("no such file").hasLineCount(1);

        byte[] tar = tarOf(rootfs);
        Path broken = Files.write(root.resolve("broken.tar.gz"), java.util.Arrays.copyOf(compress(tar, "gzip"), 5000));
        Cli.Result truncated = cli.run("import", broken.toString(), "x");
        assertThat(truncated.exitCode()).isEqualTo(125);
        assertThat(truncated.stderr()).hasLineCount(1).doesNotContain("\tat ");
        assertThat(cli.run("images", "-q").stdout()).isEmpty();
    }

    /** The tar of a directory, made by GNU tar as a user would. */
    private static byte[] tarOf(Path dir) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", "-C", dir.toString(), "-cf", "-", ".").start();
        byte[] bytes = tar.getInputStream().readAllBytes();
        assertThat(tar.waitFor()).isZero();
        return bytes;
    }

    private static byte[] compress(byte[] tar, String compression) throws IOException {
        if (compression.equals("none")) {
            return tar;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = compression.equals("gzip") ? new GZIPOutputStream(bytes) : new ZstdOutputStream(bytes)) {
            out.write(tar);
        }
        return bytes.toByteArray();
    }
}
