package io.minicontainer.image.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.oci.MediaTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CompressionTest {
    private static final byte[] TEXT = "hello, layer\n".repeat(1000).getBytes(StandardCharsets.UTF_8);

    @Test
    void mediaTypesOfOciAndDockerLayers() {
        assertThat(Compression.fromMediaType(MediaTypes.OCI_LAYER)).isEqualTo(Compression.NONE);
        assertThat(Compression.fromMediaType(MediaTypes.OCI_LAYER_GZIP)).isEqualTo(Compression.GZIP);
        assertThat(Compression.fromMediaType(MediaTypes.OCI_LAYER_ZSTD)).isEqualTo(Compression.ZSTD);
        assertThat(Compression.fromMediaType(MediaTypes.DOCKER_LAYER_GZIP)).isEqualTo(Compression.GZIP);
    }

    @Test
    void unknownMediaTypeIsNamed() {
        assertThatThrownBy(() -> Compression.fromMediaType("application/vnd.oci.image.layer.v1.tar+bzip2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported layer media type \"application/vnd.oci.image.layer.v1.tar+bzip2\"");
    }

    @Test
    void sniffsMagicNumbers() throws IOException {
        assertThat(Compression.sniff(Layers.gzip(TEXT))).isEqualTo(Compression.GZIP);
        assertThat(Compression.sniff(Layers.zstd(TEXT))).isEqualTo(Compression.ZSTD);
        assertThat(Compression.sniff(new TarBuilder().file("a", "x").build())).isEqualTo(Compression.NONE);
        assertThat(Compression.sniff(new byte[] {0x1f})).isEqualTo(Compression.NONE);
        assertThat(Compression.sniff(new byte[0])).isEqualTo(Compression.NONE);
    }

    @Test
    void decompressesEachKind() throws IOException {
        assertThat(decompress(Compression.GZIP, Layers.gzip(TEXT))).isEqualTo(TEXT);
        assertThat(decompress(Compression.ZSTD, Layers.zstd(TEXT))).isEqualTo(TEXT);
        assertThat(decompress(Compression.NONE, TEXT)).isEqualTo(TEXT);
    }

    @Test
    void concatenatedZstdFramesAreOneStream() throws IOException {
        byte[] first = Layers.zstd(Arrays.copyOf(TEXT, 100));
        byte[] second = Layers.zstd(Arrays.copyOfRange(TEXT, 100, TEXT.length));
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);

        assertThat(decompress(Compression.ZSTD, both)).isEqualTo(TEXT);
    }

    @Test
    void concatenatedGzipMembersAreOneStreamEvenWhenNothingIsAvailableYet() throws IOException {
        byte[] first = Layers.gzip(Arrays.copyOf(TEXT, 100));
        byte[] second = Layers.gzip(Arrays.copyOfRange(TEXT, 100, TEXT.length));
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        InputStream network = new ByteArrayInputStream(both) { // like a socket: available() says nothing
            @Override
            public synchronized int available() {
                return 0;
            }
        };

        try (InputStream in = Compression.GZIP.decompress(network)) {
            assertThat(in.readAllBytes()).isEqualTo(TEXT);
        }
    }

    @Test
    void corruptZstdIsAnIOException() {
        byte[] notZstd = "this is not zstd".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> decompress(Compression.ZSTD, notZstd))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("corrupt zstd data: Invalid magic prefix");
    }

    @Test
    void truncatedZstdIsAnIOException() throws IOException {
        byte[] zstd = Layers.zstd(TEXT);
        byte[] truncated = Arrays.copyOf(zstd, zstd.length / 2);

        assertThatThrownBy(() -> decompress(Compression.ZSTD, truncated)).isInstanceOf(IOException.class);
    }

    private static byte[] decompress(Compression compression, byte[] compressed) throws IOException {
        try (InputStream in = compression.decompress(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }
}
