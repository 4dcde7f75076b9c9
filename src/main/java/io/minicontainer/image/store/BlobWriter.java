package io.minicontainer.image.store;

import io.minicontainer.oci.Digest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * Streams a blob into a temporary file, hashing as it goes; {@link #commit} verifies and publishes
 * it, {@link #close} without a commit throws it away. Nothing reaches blobs/ unverified, and a
 * writer killed half way leaves only a temporary file that garbage collection removes.
 */
public final class BlobWriter extends OutputStream {
    private static final int BUFFER = 64 * 1024;

    private final ImageStore store;
    private final TempEntry temp;
    private final FileChannel channel;
    private final OutputStream out;
    private final MessageDigest hash = Digest.sha256();
    private long size;
    private boolean closed;

    BlobWriter(ImageStore store, TempEntry temp) throws IOException {
        this.store = store;
        this.temp = temp;
        this.channel = FileChannel.open(temp.path(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
    }

    @Override
    public void write(int b) throws IOException {
        requireOpen();
        out.write(b);
        hash.update((byte) b);
        size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        requireOpen();
        out.write(bytes, offset, length);
        hash.update(bytes, offset, length);
        size += length;
    }

    /** Bytes written so far. */
    public long size() {
        return size;
    }

    /**
     * Stores the blob if it has {@code expected} digest and {@code expectedSize} bytes (-1: any size);
     * otherwise stores nothing, deletes the temporary file and throws.
     */
    public Digest commit(Digest expected, long expectedSize) throws IOException {
        requireOpen();
        try {
            Digest actual = Digest.of(hash);
            if (expectedSize >= 0 && size != expectedSize) {
                throw new IOException("blob " + expected + ": got " + size + " bytes, expected " + expectedSize);
            }
            if (!actual.equals(expected)) {
                throw new IOException("blob digest mismatch: expected " + expected + ", got " + actual);
            }
            publish(actual);
            return actual;
        } finally {
            close();
        }
    }

    /** Stores the blob under the digest of what was written, for content no one announced (an import). */
    public Digest commit() throws IOException {
        requireOpen();
        try {
            Digest actual = Digest.of(hash);
            publish(actual);
            return actual;
        } finally {
            close();
        }
    }

    private void publish(Digest digest) throws IOException {
        out.flush();
        channel.force(true);
        Path target = store.blobPath(digest);
        if (!Files.exists(target)) {
            DurableFiles.publish(temp.path(), target);
        }
    }

    /** Deletes the temporary file unless {@link #commit} published it; safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        FileLocks.closeQuietly(channel);
        temp.close();
    }

    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException("blob writer is closed");
        }
    }
}
