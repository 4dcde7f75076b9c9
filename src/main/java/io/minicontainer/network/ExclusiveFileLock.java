package io.minicontainer.network;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a file that holds off other processes ({@code fcntl} through {@link FileChannel#lock})
 * and other threads of this JVM. The JVM keeps one lock table per file for all its channels, so a second
 * thread locking the same file would get an {@code OverlappingFileLockException} instead of waiting: a
 * per-file in-process lock, taken first, makes it wait. Not reentrant.
 */
public final class ExclusiveFileLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> THREADS = new ConcurrentHashMap<>();

    private final ReentrantLock threads;
    private final FileChannel channel;

    private ExclusiveFileLock(ReentrantLock threads, FileChannel channel) {
        this.threads = threads;
        this.channel = channel;
    }

    /** Waits for the lock on {@code file}, which is created when missing and never deleted. */
    public static ExclusiveFileLock acquire(Path file) throws IOException {
        ReentrantLock threads = THREADS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new ReentrantLock());
        if (threads.isHeldByCurrentThread()) {
            throw new IllegalStateException("lock " + file + " is already held by this thread");
        }
        threads.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.lock();
            return new ExclusiveFileLock(threads, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                closeQuietly(channel);
            }
            threads.unlock();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            closeQuietly(channel);
        } finally {
            threads.unlock();
        }
    }

    /** Closing the channel releases its lock. */
    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the descriptor, which is gone either way
        }
    }
}
