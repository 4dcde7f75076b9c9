package io.minicontainer.cgroups;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Every read and write of a cgroup file or directory: I/O errors become one-line
 * {@link CgroupException}s naming what was being done, the file and the kernel's reason, e.g.
 * "set memory limit: write /sys/fs/cgroup/memory/minicontainer/ID/memory.limit_in_bytes: Device or resource busy".
 */
final class CgroupFiles {
    private static final Duration POLL = Duration.ofMillis(10);

    private CgroupFiles() {}

    /** One write(2) of the whole value; the file must exist (the kernel makes them, never us). */
    static void write(String what, Path file, String value) {
        try {
            Files.writeString(file, value, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw failure(what, "write", file, e);
        }
    }

    static String read(String what, Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw failure(what, "read", file, e);
        }
    }

    /** The file's text, or empty when the file does not exist (a controller or feature the kernel lacks). */
    static Optional<String> readIfExists(String what, Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure(what, "read", file, e);
        }
    }

    /** A file holding one number ("max" and the like are not numbers: empty), or empty when it is missing. */
    static OptionalLong readLong(String what, Path file) {
        return readIfExists(what, file).map(String::strip).map(CgroupFiles::parseLong).orElse(OptionalLong.empty());
    }

    /** The value of {@code key} in a "key value" file (memory.stat, cpu.stat, cgroup.events, memory.events). */
    static OptionalLong keyedValue(String text, String key) {
        for (String line : text.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 2 && fields[0].equals(key)) {
                return parseLong(fields[1]);
            }
        }
        return OptionalLong.empty();
    }

    static OptionalLong parseLong(String text) {
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The pids a cgroup.procs file lists; none when the file (the cgroup) is gone. */
    static List<Long> pids(Path procsFile) {
        List<Long> pids = new ArrayList<>();
        String text = readIfExists("list processes", procsFile).orElse("");
        for (String line : text.split("\n")) {
            parseLong(line.strip()).ifPresent(pids::add);
        }
        return pids;
    }

    /** Makes the directory; false when it was there already. */
    static boolean mkdir(String what, Path dir) {
        try {
            Files.createDirectory(dir);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw failure(what, "mkdir", dir, e);
        }
    }

    /**
     * Removes the directory and any cgroups a container made inside it, deepest first (rmdir only: a
     * cgroup's files go with it). The kernel says EBUSY while the last tasks are still leaving, so
     * each rmdir is retried until {@code patience} has passed. A directory already gone is fine.
     */
    static void removeTree(Path dir, Duration patience) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> dirs;
        try (Stream<Path> walk = Files.walk(dir)) {
            dirs = walk.filter(Files::isDirectory).sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
        } catch (IOException | UncheckedIOException e) {
            dirs = List.of(dir); // a child vanished under the walk: the rmdir below says what is left
        }
        for (Path each : dirs) {
            rmdir(each, patience);
        }
    }

    private static void rmdir(Path dir, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        for (;;) {
            try {
                Files.deleteIfExists(dir);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw failure("remove cgroup", "rmdir", dir, e);
                }
                sleep(POLL);
            }
        }
    }

    /** Polls {@code condition} every 10 ms; false when {@code timeout} passed first. */
    static boolean await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(POLL);
        }
        return true;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CgroupException("interrupted while waiting for a cgroup", e);
        }
    }

    static CgroupException failure(String what, String call, Path file, IOException e) {
        return new CgroupException(what + ": " + call + " " + file + ": " + reason(e), e);
    }

    /** The kernel's words: the JDK keeps strerror's text as the message or reason, except for a few errnos. */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return switch (e) {
            case NoSuchFileException _ -> "No such file or directory";
            case AccessDeniedException _ -> "Permission denied";
            case FileAlreadyExistsException _ -> "File exists";
            case DirectoryNotEmptyException _ -> "Directory not empty";
            case FileSystemException other -> other.getClass().getSimpleName();
            default -> String.valueOf(e.getMessage());
        };
    }
}
