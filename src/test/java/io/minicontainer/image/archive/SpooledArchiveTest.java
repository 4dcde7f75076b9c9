package io.minicontainer.image.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlift.compress.v3.zstd.ZstdOutputStream;
import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageSpec.Descriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpooledArchiveTest {
    private static final String CONTENT = "layer bytes";
    private static final Digest DIGEST = Digest.of(CONTENT.getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path tmp;

    private SpooledArchive read(byte[] archive) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "spool");
        return SpooledArchive.read(new ByteArrayInputStream(archive), dir);
    }

    @Test
    void filesAreFoundByNameThroughLinksWithTheirDigests() throws IOException {
        SpooledArchive archive = read(new ArchiveTar().dir("./abc").file("./def.tar", CONTENT)
                .symlink("abc/layer.tar", "../def.tar").hardlink("copy.tar", "./def.tar").bytes());
        for (String name : new String[] {"def.tar", "abc/layer.tar", "copy.tar"}) {
            SpooledFile file = archive.find(name).orElseThrow();
            assertThat(file.digest()).isEqualTo(DIGEST);
            assertThat(file.size()).isEqualTo(CONTENT.length());
            assertThat(file.path()).hasContent(CONTENT).startsWith(tmp);
        }
        assertThat(archive.has("abc")).isFalse(); // a directory is no file
        assertThat(archive.find("missing")).isEmpty();
    }

    @Test
    void filesAreStoredUnderNumbersNeverUnderTheirOwnNames() throws IOException {
        read(new ArchiveTar().file("a/b/c.json", "{}").file("index.json", "{}").bytes());
        try (Stream<Path> files = Files.walk(tmp).filter(Files::isRegularFile)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("0", "1");
        }
    }

    @Test
    void aGzippedArchiveIsReadToo() throws IOException {
        SpooledArchive archive = read(ArchiveTar.gzip(new ArchiveTar().file("x", CONTENT).bytes()));
        assertThat(archive.find("x").orElseThrow().digest()).isEqualTo(DIGEST);
    }

    @Test
    void aZstdArchiveIsReadToo() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream zstd = new ZstdOutputStream(compressed)) {
            zstd.write(new ArchiveTar().file("x", CONTENT).bytes());
        }
        assertThat(read(compressed.toByteArray()).find("x").orElseThrow().digest()).isEqualTo(DIGEST);
    }

    @Test
    void aGzipStreamIsCheckedToItsEnd() {
        byte[] gzipped = ArchiveTar.gzip(new ArchiveTar().file("config.json", "{\"a\":1}").bytes());
        gzipped[gzipped.length - 5] ^= 1; // the CRC in the trailer
        assertThatThrownBy(() -> read(gzipped)).hasMessageStartingWith("the archive's gzip stream is corrupt");
    }

    @Test
    void blobsAreCheckedAgainstTheirNamesAndDescriptors() throws IOException {
        SpooledArchive archive = read(new ArchiveTar().file("blobs/sha256/" + DIGEST.hex(), CONTENT).bytes());
        assertThat(archive.blob(new Descriptor("x", DIGEST, CONTENT.length()), "layer").name())
                .isEqualTo("blobs/sha256/" + DIGEST.hex());
        assertThatThrownBy(() -> archive.blob(new Descriptor("x", DIGEST, 3), "layer"))
                .hasMessage("the layer blob " + DIGEST + " has 11 bytes, its descriptor says 3");
        Digest other = Digest.of(new byte[] {1});
        assertThatThrownBy(() -> archive.blob(new Descriptor("x", other, 1), "config"))
                .hasMessage("the archive lacks the config blob " + other);
    }

    @Test
    void aBlobWhoseContentIsNotItsNameIsRefused() {
        Digest other = Digest.of(new byte[] {1});
        assertThatThrownBy(() -> read(new ArchiveTar().file("blobs/sha256/" + other.hex(), CONTENT).bytes()))
                .hasMessage("archive entry blobs/sha256/" + other.hex() + " is corrupt: its content has digest " + DIGEST);
    }

    @Test
    void namesAndLinksThatLeaveTheArchiveAreRefused() {
        assertThatThrownBy(() -> read(new ArchiveTar().file("../evil", "x").bytes())).hasMessageContaining("\"..\"");
        assertThatThrownBy(() -> read(new ArchiveTar().file("/etc/evil", "x").bytes())).hasMessageContaining("absolute");
        assertThatThrownBy(() -> read(new ArchiveTar().symlink("a/layer.tar", "../../etc/shadow").bytes()))
                .hasMessageContaining("points out of the archive");
        assertThatThrownBy(() -> read(new ArchiveTar().symlink("layer.tar", "/etc/shadow").bytes()))
                .hasMessageContaining("absolute path");
        assertThatThrownBy(() -> read(new ArchiveTar().hardlink("layer.tar", "../x").bytes()))
                .hasMessageContaining("points out of the archive");
    }

    @Test
    void otherEntryTypesAndLinkLoopsAreRefused() throws IOException {
        assertThatThrownBy(() -> read(new ArchiveTar().fifo("pipe").bytes()))
                .hasMessage("archive entry \"pipe\" is neither a file, a directory nor a link");
        SpooledArchive loop = read(new ArchiveTar().file("x", "x").symlink("a", "b").symlink("b", "a").bytes());
        assertThatThrownBy(() -> loop.find("a")).hasMessage("archive link \"a\" is part of a loop");
    }

    @Test
    void truncatedArchivesAreToldAsSuch() {
        byte[] whole = new ArchiveTar().file("big", "x".repeat(5000)).file("index.json", "{}").bytes();
        assertThatThrownBy(() -> read(Arrays.copyOf(whole, 3000))).hasMessageStartingWith("the archive is truncated in big");
        byte[] gzipped = ArchiveTar.gzip(whole);
        assertThatThrownBy(() -> read(Arrays.copyOf(gzipped, gzipped.length - 10)))
                .hasMessageStartingWith("the archive is truncated");
    }

    @Test
    void emptyOrNonArchiveInputIsRefused() {
        assertThatThrownBy(() -> read(new byte[0])).hasMessage("the input is empty");
        assertThatThrownBy(() -> read("hello, world\n".repeat(100).getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("the input is not");
    }

    @Test
    void documentsAreReadIntoMemoryOnlyWhenSmall() throws IOException {
        SpooledArchive archive = read(new ArchiveTar().file("manifest.json", "[]").bytes());
        assertThat(SpooledArchive.read(archive.file("manifest.json", "test"))).isEqualTo("[]".getBytes(StandardCharsets.UTF_8));
        SpooledFile huge = new SpooledFile("huge.json", tmp, DIGEST, SpooledArchive.MAX_DOCUMENT + 1);
        assertThatThrownBy(() -> SpooledArchive.read(huge)).hasMessageContaining("too large for a document");
    }
}
