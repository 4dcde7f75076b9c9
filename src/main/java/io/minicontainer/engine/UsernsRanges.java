package io.minicontainer.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The host id ranges of {@code --userns=auto} containers: 65536 ids each, from a pool of
 * {@link #RANGES} ranges starting at 2^30, far above the ids people and /etc/subuid hand out and
 * below 2^31 (tools that print ids signed). One file per range, {@code ROOT/userns/N}, holding the
 * container's id; taken under a lock, removed with the container, and a range whose container is gone
 * (a crash) is taken back by the next allocation or by prune.
 */
final class UsernsRanges {
    static final long POOL_START = 1L << 30;
    static final long SIZE = 65536;
    static final int RANGES = (int) (((1L << 31) - POOL_START) / SIZE) - 1;

    private final Path dir;
    private final ContainerLayout layout;

    UsernsRanges(ContainerLayout layout) {
        this.layout = layout;
        this.dir = layout.root().resolve("userns");
    }

    static long base(int index) {
        return POOL_START + index * SIZE;
    }

    /** The file that holds range {@code index}: removed, the range is free. */
    Path file(int index) {
        return dir.resolve(Integer.toString(index));
    }

    /** A free range for container {@code id}: its index. */
    int allocate(String id) {
        try (FileChannel channel = lockChannel(); FileLock _ = channel.lock()) {
            releaseStale();
            for (int index = 0; index < RANGES; index++) {
                try {
                    Files.writeString(file(index), id, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    return index;
                } catch (FileAlreadyExistsException taken) {
                    // the next one
                }
            }
            throw new EngineException("no free user namespace range: all " + RANGES + " are in use");
        } catch (IOException e) {
            throw new UncheckedIOException("allocate a user namespace range: " + e.getMessage(), e);
        }
    }

    /** Frees the range of container {@code id}, if it has one. */
    void release(String id) {
        ranges().filter(file -> id.equals(owner(file).orElse(null))).forEach(UsernsRanges::delete);
    }

    /** Frees the ranges of containers that no longer exist. */
    void releaseStale() {
        ranges().filter(file -> owner(file).map(id -> !Files.isDirectory(layout.containerDir(id))).orElse(false))
                .forEach(UsernsRanges::delete);
    }

    private FileChannel lockChannel() throws IOException {
        Files.createDirectories(dir);
        return FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    private Stream<Path> ranges() {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> list = files.filter(file -> file.getFileName().toString().matches("[0-9]+")).toList();
            return list.stream();
        } catch (IOException e) {
            throw new UncheckedIOException("list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> owner(Path file) {
        try {
            return Optional.of(Files.readString(file).strip());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("remove " + file + ": " + e.getMessage(), e);
        }
    }
}
