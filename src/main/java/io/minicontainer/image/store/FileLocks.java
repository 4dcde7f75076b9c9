package io.minicontainer.image.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Locks that exclude other processes ({@code fcntl} locks through {@link FileChannel#lock}) and other
 * threads of this JVM. The JVM keeps one lock table per file for all its channels, so a second
 * thread locking the same file gets an {@link OverlappingFileLockException} instead of waiting:
 * an in-process lock per file, shared by every store instance, makes it wait first.
 *
 * <p>Not reentrant: a thread taking a lock it holds would deadlock, so it fails instead.
 */
final class FileLocks {
    private static final ConcurrentHashMap<Path, ReentrantLock> EXCLUSIVE = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Path, SharedFileLock> SHARED = new ConcurrentHashMap<>();

    private FileLocks() {}

    /** A held lock; closing it releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits for the exclusive lock on {@code file} (created when missing; never deleted). */
    static Held exclusive(Path file) throws IOException {
        ReentrantLock threads = threadLock(file);
        threads.lock();
        try {
            return release(lockedChannel(file, false), threads);
        } catch (IOException | RuntimeException e) {
            threads.unlock();
            throw e;
        }
    }

    /** The exclusive lock on {@code file} if no one holds it now, otherwise null. */
    static Held tryExclusive(Path file) throws IOException {
        ReentrantLock threads = threadLock(file);
        if (!threads.tryLock()) {
            return null;
        }
        FileChannel channel = null;
        boolean acquired = false;
        try {
            channel = openForLocking(file);
            acquired = tryLock(channel);
            return acquired ? release(channel, threads) : null;
        } finally {
            if (!acquired) {
                if (channel != null) {
                    closeQuietly(channel);
                }
                threads.unlock();
            }
        }
    }

    private static ReentrantLock threadLock(Path file) {
        ReentrantLock threads = EXCLUSIVE.computeIfAbsent(key(file), k -> new ReentrantLock());
        if (threads.isHeldByCurrentThread()) {
            throw new IllegalStateException("lock " + file + " is already held by this thread");
        }
        return threads;
    }

    private static Held release(FileChannel channel, ReentrantLock threads) {
        return () -> {
            try {
                closeQuietly(channel);
            } finally {
                threads.unlock();
            }
        };
    }

    /** Many holders at once, across threads and processes, unless someone holds it {@link #exclusiveOfShared}. */
    static Held shared(Path file) throws IOException {
        return SHARED.computeIfAbsent(key(file), SharedFileLock::new).shared();
    }

    /** Waits until no thread or process holds {@code file} {@link #shared shared}, then excludes them. */
    static Held exclusiveOfShared(Path file) throws IOException {
        return SHARED.computeIfAbsent(key(file), SharedFileLock::new).exclusive();
    }

    /** Opens {@code file}, creating it, and waits for a lock on it. */
    static FileChannel lockedChannel(Path file, boolean shared) throws IOException {
        FileChannel channel = openForLocking(file);
        try {
            channel.lock(0, Long.MAX_VALUE, shared);
            return channel;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static FileChannel openForLocking(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** False when another process, or another channel of this JVM, holds a lock on the file. */
    static boolean tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock() != null;
        } catch (OverlappingFileLockException heldInThisJvm) {
            return false;
        }
    }

    /** Closing the channel releases its lock. */
    static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the descriptor, which is gone either way
        }
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
