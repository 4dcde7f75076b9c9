package io.minicontainer.it.registry;

import io.airlift.compress.v3.zstd.ZstdInputStream;
import io.minicontainer.oci.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.zip.GZIPInputStream;

/** A downloaded layer blob's uncompressed digest, to hold against the config's diffID. */
public final class LayerBytes {
    private LayerBytes() {}

    public static Digest diffId(byte[] blob, String mediaType) throws IOException {
        MessageDigest sha256 = Digest.sha256();
        try (InputStream in = new DigestInputStream(decompressed(new ByteArrayInputStream(blob), mediaType), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return Digest.of(sha256);
    }

    public static InputStream decompressed(InputStream blob, String mediaType) throws IOException {
        if (mediaType.endsWith("+zstd")) {
            return new ZstdInputStream(blob);
        }
        if (mediaType.endsWith("gzip")) {
            return new GZIPInputStream(blob, 64 * 1024);
        }
        return blob;
    }
}
