package io.minicontainer.image.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicontainer.oci.Digest;
import io.minicontainer.sys.FileCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LayerUnpackerTest {
    @TempDir
    Path layer;

    @BeforeEach
    void root() {
        Layers.assumeRoot();
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void unpacksEachCompressionAndReportsTheUncompressedDigest(Compression compression) throws IOException {
        byte[] tar = new TarBuilder().dir("etc").file("etc/hostname", "box\n").build();
        byte[] blob = switch (compression) {
            case NONE -> tar;
            case GZIP -> Layers.gzip(tar);
            case ZSTD -> Layers.zstd(tar);
        };

        UnpackResult result = LayerUnpacker.unpack(new ByteArrayInputStream(blob), compression, layer);

        assertThat(result.diffId()).isEqualTo(Digest.of(tar));
        assertThat(result.tarSize()).isEqualTo(tar.length);
        assertThat(layer.resolve("etc/hostname")).hasContent("box");
    }

    @Test
    void readsTheInputToItsEndButLeavesItOpen() throws IOException {
        byte[] blob = Layers.gzip(new TarBuilder().file("a", "x").build());
        TrackedInput input = new TrackedInput(blob);

        LayerUnpacker.unpack(input, Compression.GZIP, layer);

        assertThat(input.available()).isZero();
        assertThat(input.closed).isFalse();
    }

    @Test
    void bytesAfterTheEndOfArchiveBelongToTheDiffId() throws IOException {
        byte[] tar = new TarBuilder().file("a", "x").build();
        byte[] padded = Arrays.copyOf(tar, tar.length + 4096);

        UnpackResult result = Layers.unpack(padded, layer);

        assertThat(result.diffId()).isEqualTo(Digest.of(padded));
        assertThat(result.tarSize()).isEqualTo(padded.length);
    }

    @Test
    void filesKeepContentModeOwnerAndTimes() throws IOException {
        Instant mtime = Instant.parse("2020-01-02T03:04:05.123456700Z");
        byte[] tar = new TarBuilder()
                .file("bin/tool", "#!/bin/sh\n", e -> {
                    e.setMode(0750);
                    e.setIds(1000, 2000);
                    e.setLastModifiedTime(FileTime.from(mtime));
                })
                .build();

        Layers.unpack(tar, layer);

        Path tool = layer.resolve("bin/tool");
        assertThat(tool).hasContent("#!/bin/sh");
        assertThat(Layers.permissions(tool)).isEqualTo(0750);
        assertThat(Layers.unix(tool)).containsEntry("uid", 1000).containsEntry("gid", 2000);
        assertThat(Files.getLastModifiedTime(tool).toInstant()).isEqualTo(mtime);
    }

    @Test
    void setuidSetgidAndStickyBitsSurviveTheChown() throws IOException {
        byte[] tar = new TarBuilder()
                .file("usr/bin/su", "su", e -> {
                    e.setMode(04755);
                    e.setIds(0, 0);
                })
                .file("usr/bin/wall", "wall", e -> {
                    e.setMode(02755);
                    e.setIds(0, 5);
                })
                .dir("tmp", e -> e.setMode(01777))
                .build();

        Layers.unpack(tar, layer);

        assertThat(Layers.permissions(layer.resolve("usr/bin/su"))).isEqualTo(04755);
        assertThat(Layers.permissions(layer.resolve("usr/bin/wall"))).isEqualTo(02755);
        assertThat(Layers.unix(layer.resolve("usr/bin/wall"))).containsEntry("gid", 5);
        assertThat(Layers.permissions(layer.resolve("tmp"))).isEqualTo(01777);
    }

    @Test
    void directoriesGetTheirTimesAfterTheirChildrenAreWritten() throws IOException {
        Instant dirTime = Instant.parse("2019-05-06T07:08:09Z");
        byte[] tar = new TarBuilder()
                .dir("./", e -> e.setLastModifiedTime(FileTime.from(dirTime.minusSeconds(60))))
                .dir("var", e -> e.setLastModifiedTime(FileTime.from(dirTime)))
                .dir("var/lib", e -> e.setLastModifiedTime(FileTime.from(dirTime.plusSeconds(1))))
                .file("var/lib/state", "x")
                .file("var/log", "y")
                .build();

        Layers.unpack(tar, layer);

        assertThat(Files.getLastModifiedTime(layer).toInstant()).isEqualTo(dirTime.minusSeconds(60));
        assertThat(Files.getLastModifiedTime(layer.resolve("var")).toInstant()).isEqualTo(dirTime);
        assertThat(Files.getLastModifiedTime(layer.resolve("var/lib")).toInstant()).isEqualTo(dirTime.plusSeconds(1));
    }

    @Test
    void missingParentsAreCreatedLikeDockerDoes() throws IOException {
        Layers.unpack(new TarBuilder().file("a/b/c", "x").build(), layer);

        assertThat(layer.resolve("a/b/c")).hasContent("x");
        assertThat(Layers.permissions(layer.resolve("a/b"))).isEqualTo(0755);
    }

    @Test
    void symlinksKeepTheirTargetVerbatimAndTheirOwnTimes() throws IOException {
        byte[] tar = new TarBuilder()
                .symlink("bin/sh", "busybox", e -> e.setIds(7, 8))
                .symlink("etc/mtab", "/proc/self//mounts/")
                .symlink("lib64", "usr/lib64")
                .build();

        Layers.unpack(tar, layer);

        assertThat(Files.readSymbolicLink(layer.resolve("bin/sh"))).hasToString("busybox");
        assertThat(Files.readSymbolicLink(layer.resolve("etc/mtab"))).hasToString("/proc/self//mounts/");
        assertThat(Layers.unix(layer.resolve("bin/sh"))).containsEntry("uid", 7).containsEntry("gid", 8);
        assertThat(Files.getLastModifiedTime(layer.resolve("lib64"), LinkOption.NOFOLLOW_LINKS).toInstant())
                .isEqualTo(TarBuilder.MTIME);
    }

    @Test
    void hardLinkToAnEarlierNameSharesItsInode() throws IOException {
        byte[] tar = new TarBuilder()
                .file("bin/gzip", "gz", e -> e.setMode(0755))
                .hardLink("bin/gunzip", "bin/gzip")
                .hardLink("/bin/zcat", "./bin/gzip")
                .build();

        Layers.unpack(tar, layer);

        Object inode = Layers.unix(layer.resolve("bin/gzip")).get("ino");
        assertThat(Layers.unix(layer.resolve("bin/gunzip"))).containsEntry("ino", inode).containsEntry("nlink", 3);
        assertThat(Layers.unix(layer.resolve("bin/zcat"))).containsEntry("ino", inode);
    }

    @Test
    void devicesAndFifos() throws IOException {
        byte[] tar = new TarBuilder()
                .node("dev/null", TarConstants.LF_CHR, 1, 3, 0666)
                .node("dev/sda", TarConstants.LF_BLK, 8, 0, 0660)
                .node("dev/big", TarConstants.LF_CHR, 4095, 1048575, 0600)
                .node("run/initctl", TarConstants.LF_FIFO, 0, 0, 0600)
                .build();

        Layers.unpack(tar, layer);

        assertThat(Layers.device(layer.resolve("dev/null"))).isEqualTo("c 1 3");
        assertThat(Layers.permissions(layer.resolve("dev/null"))).isEqualTo(0666);
        assertThat(Layers.device(layer.resolve("dev/sda"))).isEqualTo("b 8 0");
        assertThat(Layers.device(layer.resolve("dev/big"))).isEqualTo("c 4095 1048575");
        assertThat(Layers.device(layer.resolve("run/initctl"))).isEqualTo("p 0 0");
        assertThat(Files.getLastModifiedTime(layer.resolve("run/initctl")).toInstant()).isEqualTo(TarBuilder.MTIME);
    }

    @Test
    void paxXattrsAreSetOnTheEntry() throws IOException {
        byte[] tar = new TarBuilder()
                .file("bin/app", "x", e -> e.addPaxHeader("SCHILY.xattr.user.origin", "layer-test"))
                .dir("data", e -> e.addPaxHeader("SCHILY.xattr.trusted.note", "dir"))
                .build();

        Layers.unpack(tar, layer);

        assertThat(FileCalls.lgetxattr(layer.resolve("bin/app"), "user.origin")).asString().isEqualTo("layer-test");
        assertThat(FileCalls.lgetxattr(layer.resolve("data"), "trusted.note")).asString().isEqualTo("dir");
    }

    @Test
    void binaryXattrsKeepEveryByteAndCapabilitiesSurviveTheChown() throws IOException {
        // cap_setuid=ep: VFS_CAP_REVISION_2 | effective, permitted bit 7 is the byte 0x80 (not UTF-8)
        byte[] capability = {1, 0, 0, 2, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] binary = {(byte) 0xff, 0, (byte) 0xc3, '\n', '='};
        byte[] tar = new TarBuilder()
                .rawPax(PaxRecords.of("SCHILY.xattr.security.capability", capability, "SCHILY.xattr.user.bin", binary))
                .file("usr/bin/newuidmap", "x", e -> e.setIds(0, 0))
                .build();

        Layers.unpack(tar, layer);

        Path file = layer.resolve("usr/bin/newuidmap");
        assertThat(FileCalls.lgetxattr(file, "security.capability")).isEqualTo(capability);
        assertThat(FileCalls.lgetxattr(file, "user.bin")).isEqualTo(binary);
    }

    @Test
    void overlayXattrsInPaxHeadersAreIgnored() throws IOException {
        byte[] tar = new TarBuilder()
                .dir("d", e -> e.addPaxHeader("SCHILY.xattr.trusted.overlay.redirect", "/elsewhere"))
                .build();

        Layers.unpack(tar, layer);

        assertThatThrownBy(() -> FileCalls.lgetxattr(layer.resolve("d"), "trusted.overlay.redirect"))
                .hasMessageContaining("No data available");
    }

    @Test
    void nonAsciiNamesInPaxHeaders() throws IOException {
        assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "file names are UTF-8 only in a UTF-8 locale");
        String name = "usr/share/ca-certificates/NetLock_Arany_Főtanúsítvány.crt";

        Layers.unpack(new TarBuilder().file(name, "pem").build(), layer);

        assertThat(layer.resolve(name)).hasContent("pem");
    }

    @Test
    void aTargetThatIsNotEmptyIsRefused() throws IOException {
        Files.writeString(layer.resolve("left-over"), "x");

        assertThatThrownBy(() -> Layers.unpack(new TarBuilder().file("a", "x").build(), layer))
                .isInstanceOf(IOException.class)
                .hasMessage("layer directory " + layer + " is not empty");
    }

    @Test
    void unsupportedEntryTypesAreNamed() {
        byte[] tar = new TarBuilder().node("volume", (byte) 'M', 0, 0, 0644).build();

        assertThatThrownBy(() -> Layers.unpack(tar, layer))
                .isInstanceOf(LayerException.class)
                .hasMessage("layer entry \"volume\": unsupported tar entry type 'M'");
    }

    /** Tells whether the unpacker read everything and whether it closed the stream. */
    private static final class TrackedInput extends ByteArrayInputStream {
        boolean closed;

        TrackedInput(byte[] bytes) {
            super(bytes);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
