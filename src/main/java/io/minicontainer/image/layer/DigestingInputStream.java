package io.minicontainer.image.layer;

import io.minicontainer.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/** Hashes and counts every byte read through it, skipped ones included: the layer's diffID and size. */
final class DigestingInputStream extends InputStream {
    private final InputStream in;
    private final MessageDigest sha256 = Digest.sha256();
    private final byte[] scratch = new byte[64 * 1024];
    private long count;

    DigestingInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        int n = read(scratch, 0, 1);
        return n < 0 ? -1 : scratch[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            sha256.update(buffer, offset, n);
            count += n;
        }
        return n;
    }

    /** Reads what is skipped, since it is part of the digest too. */
    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n) {
            int read = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    Digest digest() {
        return Digest.of(sha256);
    }

    long count() {
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
