package io.minicontainer.image.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scratch space on the store's file system, so that finished work is published with one atomic
 * rename. Every entry {@code tmp/NAME} has a lock file {@code locks/tmp/NAME} that its owner holds
 * for as long as it lives: a killed owner's lock is released by the kernel, which is how
 * {@link #sweep} tells an abandoned entry from one still being written, across processes.
 *
 * <p>Protocol: only an owner creates a lock file (with a fresh random name, before its entry
 * exists) and it removes the entry before the lock file. The sweeper never creates lock files
 * and removes one only while holding it; an owner whose lock file was swept between its creation
 * and its locking notices it is gone and starts over under a new name.
 */
final class TempSpace {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path entries;
    private final Path locks;

    TempSpace(Path entries, Path locks) {
        this.entries = entries;
        this.locks = locks;
    }

    /** A new, locked name in tmp/; nothing exists at {@link TempEntry#path()} yet. */
    TempEntry create() throws IOException {
        while (true) {
            String name = randomName();
            Path lockFile = locks.resolve(name);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                channel.lock();
            } catch (OverlappingFileLockException sweptByAThreadOfThisJvm) {
                FileLocks.closeQuietly(channel);
                continue;
            } catch (IOException | RuntimeException e) {
                FileLocks.closeQuietly(channel);
                throw e;
            }
            if (Files.exists(lockFile)) {
                return new TempEntry(entries.resolve(name), lockFile, channel);
            }
            FileLocks.closeQuietly(channel);
        }
    }

    /** Removes every entry and lock file whose owner is gone; returns how many entries it removed. */
    int sweep() throws IOException {
        Set<String> names = new TreeSet<>();
        names.addAll(listNames(entries));
        names.addAll(listNames(locks));
        int removed = 0;
        for (String name : names) {
            if (removeIfAbandoned(name)) {
                removed++;
            }
        }
        return removed;
    }

    private boolean removeIfAbandoned(String name) throws IOException {
        Path entry = entries.resolve(name);
        Path lockFile = locks.resolve(name);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        } catch (NoSuchFileException noLock) {
            // owners lock before they create: an entry without a lock file belongs to no one
            return Trees.deleteRecursively(entry);
        }
        try {
            if (!FileLocks.tryLock(channel)) {
                return false;
            }
            boolean removed = Trees.deleteRecursively(entry);
            Files.deleteIfExists(lockFile);
            return removed;
        } finally {
            FileLocks.closeQuietly(channel);
        }
    }

    private static Set<String> listNames(Path dir) throws IOException {
        Set<String> names = new TreeSet<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(path -> names.add(path.getFileName().toString()));
        }
        return names;
    }

    private static String randomName() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
