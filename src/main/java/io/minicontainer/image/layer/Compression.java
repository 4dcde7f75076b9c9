package io.minicontainer.image.layer;

import io.airlift.compress.v3.zstd.ZstdInputStream;
import io.minicontainer.oci.MediaTypes;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** How a layer tar is compressed: told by the layer's media type, or by its first bytes for an imported tarball. */
public enum Compression {
    NONE, GZIP, ZSTD;

    /** Inflate reads its input in chunks of this size; the JDK's default of 512 bytes costs a call per block. */
    private static final int GZIP_BUFFER = 256 * 1024;

    /** The compression of an OCI or Docker layer media type; any other type is refused. */
    public static Compression fromMediaType(String mediaType) {
        return switch (mediaType) {
            case MediaTypes.OCI_LAYER -> NONE;
            case MediaTypes.OCI_LAYER_GZIP, MediaTypes.DOCKER_LAYER_GZIP -> GZIP;
            case MediaTypes.OCI_LAYER_ZSTD -> ZSTD;
            default -> throw new IllegalArgumentException("unsupported layer media type \"" + mediaType + "\"");
        };
    }

    /** The OCI layer media type of a tar compressed this way. */
    public String ociMediaType() {
        return switch (this) {
            case NONE -> MediaTypes.OCI_LAYER;
            case GZIP -> MediaTypes.OCI_LAYER_GZIP;
            case ZSTD -> MediaTypes.OCI_LAYER_ZSTD;
        };
    }

    /** Recognizes gzip (1f 8b) and zstd (28 b5 2f fd) by their magic numbers; anything else is a plain tar. */
    public static Compression sniff(byte[] firstBytes) {
        if (startsWith(firstBytes, 0x1f, 0x8b)) {
            return GZIP;
        }
        if (startsWith(firstBytes, 0x28, 0xb5, 0x2f, 0xfd)) {
            return ZSTD;
        }
        return NONE;
    }

    /** The uncompressed stream; closing it closes {@code compressed}. */
    public InputStream decompress(InputStream compressed) throws IOException {
        return switch (this) {
            case NONE -> compressed;
            case GZIP -> new GZIPInputStream(compressed, GZIP_BUFFER);
            case ZSTD -> new ZstdErrors(new ZstdInputStream(compressed));
        };
    }

    private static boolean startsWith(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** aircompressor reports corrupt input with unchecked exceptions; callers expect an IOException. */
    private static final class ZstdErrors extends FilterInputStream {
        ZstdErrors(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (RuntimeException e) {
                throw corrupt(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (RuntimeException e) {
                throw corrupt(e);
            }
        }

        private static IOException corrupt(RuntimeException e) {
            return new IOException("corrupt zstd data: " + e.getMessage(), e);
        }
    }
}
