package io.minicontainer.it.registry;

import io.airlift.compress.v3.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** How a layer's tar is compressed; both are deterministic, so the same tar gives the same blob. */
public enum Compression {
    GZIP,
    ZSTD,
    /**
     * gzip of stored (uncompressed) deflate blocks: for incompressible data that is what any level
     * emits in the end, so readers pay the same, but writing runs at memory speed.
     */
    GZIP_STORED;

    OutputStream wrap(OutputStream out) throws IOException {
        return switch (this) {
            case GZIP -> new GZIPOutputStream(out, 64 * 1024);
            case GZIP_STORED -> new GZIPOutputStream(out, 64 * 1024) {
                {
                    def.setLevel(Deflater.NO_COMPRESSION);
                }
            };
            case ZSTD -> new ZstdOutputStream(out);
        };
    }

    String layerMediaType(ImageFormat format) {
        if (this == ZSTD && format == ImageFormat.DOCKER) {
            throw new IllegalArgumentException("Docker schema 2 has no zstd layer media type");
        }
        return this == ZSTD ? ImageFormat.OCI_LAYER_ZSTD : format.gzipLayerMediaType();
    }
}
