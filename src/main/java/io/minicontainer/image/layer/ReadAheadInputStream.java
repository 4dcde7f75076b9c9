package io.minicontainer.image.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream to its end on a second thread, a few chunks ahead of this one.
 *
 * <p>Decompressing and hashing a layer cost as much CPU as writing its files (hashing more than
 * that under the launcher's C1-only flags, which lack the SHA-256 intrinsic), so on two cores the
 * layer unpacks in about the time of the slower half instead of the sum. Bounded: at most
 * {@value #CHUNKS} chunks of {@value #CHUNK_SIZE} bytes are in flight.
 */
final class ReadAheadInputStream extends InputStream {
    private static final int CHUNK_SIZE = 1 << 20;
    private static final int CHUNKS = 4;
    private static final Chunk END = new Chunk(new byte[0], 0);

    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final Thread reader;
    private volatile boolean closed;
    private volatile Throwable failure; // written before END is queued, read after END is taken
    private Chunk current;
    private int position;

    private record Chunk(byte[] bytes, int length) {}

    /** Starts reading {@code source} to its end, then {@code thenDrained} to its end too. */
    ReadAheadInputStream(InputStream source, InputStream thenDrained) {
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new byte[CHUNK_SIZE]);
        }
        reader = Thread.ofPlatform().daemon().name("layer-read-ahead").start(() -> readAll(source, thenDrained));
    }

    private void readAll(InputStream source, InputStream thenDrained) {
        try (source) {
            for (int n = CHUNK_SIZE; n == CHUNK_SIZE && !closed; ) {
                byte[] bytes = free.take();
                n = source.readNBytes(bytes, 0, CHUNK_SIZE);
                filled.put(new Chunk(bytes, n));
            }
            thenDrained.transferTo(OutputStream.nullOutputStream());
        } catch (InterruptedException e) {
            return; // closed by the reading side: nobody waits for more
        } catch (Throwable t) {
            failure = t;
        }
        filled.offer(END); // there is always room: CHUNKS buffers, CHUNKS + 1 places
    }

    @Override
    public int read() throws IOException {
        if (!hasBytes()) {
            return -1;
        }
        return current.bytes[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!hasBytes()) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current.bytes, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && hasBytes()) {
            int step = (int) Math.min(n - skipped, current.length - position);
            position += step;
            skipped += step;
        }
        return skipped;
    }

    /** Reads to the end: the other thread has then read both streams to theirs. */
    void drain() throws IOException {
        while (hasBytes()) {
            position = current.length;
        }
    }

    private boolean hasBytes() throws IOException {
        while (current == null || position == current.length) {
            if (current == END) {
                return false;
            }
            if (current != null) {
                free.add(current.bytes);
            }
            current = take();
            position = 0;
            if (current == END && failure != null) {
                rethrow(failure);
            }
        }
        return true;
    }

    private Chunk take() throws InterruptedIOException {
        try {
            return filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while unpacking a layer");
        }
    }

    /** The other thread's failure, as it was: a corrupt stream, a digest mismatch at the end... */
    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IOException(failure);
    }

    /** Stops the other thread; a read it is blocked in ends when the caller closes its stream. */
    @Override
    public void close() {
        closed = true;
        reader.interrupt();
    }
}
