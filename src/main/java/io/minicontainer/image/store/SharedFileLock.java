package io.minicontainer.image.store;

import io.minicontainer.image.store.FileLocks.Held;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A readers-writer lock across threads and processes. The JVM allows one lock per file, so the
 * threads of this JVM share a single shared file lock: the first reader takes it, the last one
 * releases it.
 */
final class SharedFileLock {
    private final Path file;
    private final ReentrantReadWriteLock threads = new ReentrantReadWriteLock();
    private int readers;
    private FileChannel readersChannel;

    SharedFileLock(Path file) {
        this.file = file;
    }

    Held shared() throws IOException {
        threads.readLock().lock();
        try {
            synchronized (this) {
                if (readers == 0) {
                    readersChannel = FileLocks.lockedChannel(file, true);
                }
                readers++;
            }
        } catch (IOException | RuntimeException e) {
            threads.readLock().unlock();
            throw e;
        }
        return this::releaseShared;
    }

    private void releaseShared() {
        try {
            synchronized (this) {
                if (--readers == 0) {
                    FileLocks.closeQuietly(readersChannel);
                    readersChannel = null;
                }
            }
        } finally {
            threads.readLock().unlock();
        }
    }

    Held exclusive() throws IOException {
        if (threads.getReadHoldCount() > 0) {
            throw new IllegalStateException("this thread holds " + file + " shared and would wait for itself forever");
        }
        threads.writeLock().lock();
        try {
            FileChannel channel = FileLocks.lockedChannel(file, false);
            return () -> {
                try {
                    FileLocks.closeQuietly(channel);
                } finally {
                    threads.writeLock().unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            threads.writeLock().unlock();
            throw e;
        }
    }
}
