package io.minicontainer.image.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes that survive a crash whole or not at all: content is flushed before the rename that
 * publishes it, and the directory after it, so no name ever points to data a power cut can lose.
 */
final class DurableFiles {
    private DurableFiles() {}

    /** Creates {@code file} (which must not exist) with {@code content}, flushed to disk. */
    static void writeNew(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Replaces {@code target} with {@code content} in one step: readers see the old file or the new one. */
    static void replace(Path target, byte[] content, TempSpace temps) throws IOException {
        try (TempEntry temp = temps.create()) {
            writeNew(temp.path(), content);
            publish(temp.path(), target);
        }
    }

    /** Renames {@code from} to {@code to} atomically (same file system) and flushes the new name to disk. */
    static void publish(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        sync(to.getParent());
    }

    /** fsync of a file or a directory; Linux lets a read-only descriptor flush both. */
    static void sync(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (AccessDeniedException unreadable) {
            // only without root: a file its unpacker made unreadable cannot be opened to flush it
        }
    }
}
