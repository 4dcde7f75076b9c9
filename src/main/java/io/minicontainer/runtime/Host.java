package io.minicontainer.runtime;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** What the plan compiler asks of the host; a fake in tests keeps compilation pure. */
public interface Host {

    enum PathKind { MISSING, FILE, DIRECTORY }

    /** What is at an absolute host path, without following a final symlink. */
    PathKind kind(String path);

    static Host real() {
        return path -> {
            Path p = Path.of(path);
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                return PathKind.DIRECTORY;
            }
            return Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? PathKind.FILE : PathKind.MISSING;
        };
    }
}
