package io.minicontainer.engine;

import io.minicontainer.image.store.Trees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** Undoes a half-done setup in reverse order; each undo is idempotent and never throws. */
final class Rollback {
    private final Deque<Runnable> undos = new ArrayDeque<>();

    /** Remembers a file or directory tree to remove if setup fails. */
    <T extends Path> T created(T path) {
        undos.push(() -> deleteTree(path));
        return path;
    }

    /** Remembers something else to undo, such as a cgroup to destroy. */
    void undo(Runnable action) {
        undos.push(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                // leave it: prune will find it
            }
        });
    }

    void run() {
        while (!undos.isEmpty()) {
            undos.pop().run();
        }
    }

    /** rm -rf without following symlinks; best effort, since it runs while handling another error. */
    static void deleteTree(Path path) {
        try {
            Trees.deleteRecursively(path);
        } catch (IOException e) {
            // leave it: prune will find it
        }
    }
}
