package io.minicontainer.image.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A name in tmp/ that this process owns while it is open (see {@link TempSpace}). Whatever is left
 * at {@link #path()} on close is deleted; renaming it away first is how work gets published.
 */
final class TempEntry implements AutoCloseable {
    private final Path path;
    private final Path lockFile;
    private final FileChannel lock;

    TempEntry(Path path, Path lockFile, FileChannel lock) {
        this.path = path;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    Path path() {
        return path;
    }

    /**
     * Deletes what is left, then the lock file, then lets go of the lock: in that order, see
     * {@link TempSpace}. Best effort: what cannot be deleted now is garbage collection's to remove.
     */
    @Override
    public void close() {
        try {
            Trees.deleteRecursively(path);
            Files.deleteIfExists(lockFile);
        } catch (IOException leftForTheSweep) {
            // the work itself is done or failed already; a leftover in tmp/ harms no one
        } finally {
            FileLocks.closeQuietly(lock);
        }
    }
}
