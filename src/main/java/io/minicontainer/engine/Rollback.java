package io.minicontainer.engine;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;

/** Undoes a half-done setup in reverse order; each undo is idempotent and never throws. */
final class Rollback {
    private final Deque<Path> created = new ArrayDeque<>();

    /** Remembers a file or directory tree to remove if setup fails. */
    <T extends Path> T created(T path) {
        created.push(path);
        return path;
    }

    void run() {
        while (!created.isEmpty()) {
            deleteTree(created.pop());
        }
    }

    /** rm -rf without following symlinks; best effort, since it runs while handling another error. */
    static void deleteTree(Path path) {
        try {
            if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // leave it: prune will find it
        }
    }
}
