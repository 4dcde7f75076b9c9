package io.minicontainer.image.registry;

import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageSpec.Descriptor;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * A blob's bytes, hashed as they are read. Bad content never ends as a clean EOF: the read that
 * completes the descriptor's size checks the digest before it hands over its bytes (so a reader that
 * stops at a tar's end marker is still covered), the end of the stream checks the size, and from a
 * failure on every read throws again. Callers must still read to EOF to have the whole blob checked.
 */
final class VerifyingInputStream extends InputStream {
    private final InputStream in;
    private final Descriptor expected;
    private final String context;
    private final LongConsumer progress;
    private final MessageDigest sha256 = Digest.sha256();
    private long count;
    private boolean digestChecked;
    private boolean atEof;
    private String failure;

    /** @param context starts error messages: {@code blob sha256:… of docker.io/library/busybox} */
    VerifyingInputStream(InputStream in, Descriptor expected, String context, LongConsumer progress) {
        this.in = in;
        this.expected = expected;
        this.context = context;
        this.progress = Objects.requireNonNullElse(progress, bytes -> { });
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (failure != null) {
            throw new IOException(failure);
        }
        if (atEof) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        int n = readUnderlying(buffer, offset, length);
        if (n < 0) {
            verifyAtEof();
            atEof = true;
            return -1;
        }
        sha256.update(buffer, offset, n);
        count += n;
        if (hasSize() && count > expected.size()) {
            throw fail("size mismatch: more than the expected " + expected.size() + " bytes");
        }
        if (hasSize() && count == expected.size()) {
            verifyDigest();
        }
        progress.accept(count);
        return n;
    }

    private int readUnderlying(byte[] buffer, int offset, int length) throws IOException {
        try {
            return in.read(buffer, offset, length);
        } catch (IOException e) {
            throw fail("download interrupted after " + count + " bytes: " + Transport.reason(e));
        }
    }

    private boolean hasSize() {
        return expected.size() >= 0;
    }

    private void verifyAtEof() throws IOException {
        if (hasSize() && count != expected.size()) {
            throw fail("size mismatch: expected " + expected.size() + " bytes, got " + count);
        }
        verifyDigest();
    }

    private void verifyDigest() throws IOException {
        if (digestChecked) {
            return;
        }
        digestChecked = true;
        Digest actual = Digest.of(sha256);
        if (!actual.equals(expected.digest())) {
            throw fail("digest mismatch: got " + actual);
        }
    }

    private RegistryException fail(String why) {
        failure = context + ": " + why;
        return new RegistryException(failure);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
