package io.minicontainer.image.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.oci.Digest;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stream side: big entries across read-ahead chunks, failures from either end, no thread left behind. */
class LayerStreamTest {
    @TempDir
    Path layer;

    @BeforeEach
    void root() {
        Layers.assumeRoot();
    }

    @Test
    void filesLargerThanTheReadAheadChunks() throws IOException {
        byte[] big = new byte[9 * 1024 * 1024 + 123];
        new Random(7).nextBytes(big);
        byte[] tar = new TarBuilder().file("big", big, e -> {}).file("after", "x").build();

        UnpackResult result = LayerUnpacker.unpack(new ByteArrayInputStream(Layers.gzip(tar)), Compression.GZIP, layer);

        assertThat(Files.readAllBytes(layer.resolve("big"))).isEqualTo(big);
        assertThat(layer.resolve("after")).hasContent("x");
        assertThat(result.diffId()).isEqualTo(Digest.of(tar));
    }

    @Test
    void aFailureOfTheCallersStreamAtItsEndReachesTheCaller() throws IOException {
        byte[] blob = Layers.gzip(new TarBuilder().file("a", "x").build());
        InputStream verifying = new FilterInputStream(new ByteArrayInputStream(blob)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n < 0) {
                    throw new IOException("digest mismatch");
                }
                return n;
            }
        };

        assertThatThrownBy(() -> LayerUnpacker.unpack(verifying, Compression.GZIP, layer))
                .isInstanceOf(IOException.class)
                .hasMessage("digest mismatch");
    }

    @Test
    void aTruncatedLayerIsAnIOException() throws IOException {
        byte[] blob = Layers.gzip(new TarBuilder().file("a", new byte[100_000], e -> {}).build());
        byte[] truncated = Arrays.copyOf(blob, blob.length / 2);

        assertThatThrownBy(() -> LayerUnpacker.unpack(new ByteArrayInputStream(truncated), Compression.GZIP, layer))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aRefusedEntryStopsTheReadAheadThread() throws Exception {
        byte[] filler = new byte[20 * 1024 * 1024];
        byte[] tar = new TarBuilder().file("../escape", "x").file("filler", filler, e -> {}).build();

        assertThatThrownBy(() -> Layers.unpack(tar, layer)).isInstanceOf(LayerException.class);

        for (int i = 0; i < 100 && readAheadThreadAlive(); i++) {
            Thread.sleep(10);
        }
        assertThat(readAheadThreadAlive()).isFalse();
    }

    private static boolean readAheadThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("layer-read-ahead") && thread.isAlive());
    }
}
