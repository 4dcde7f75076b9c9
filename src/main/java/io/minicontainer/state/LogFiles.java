package io.minicontainer.state;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Opens a container's log files: {@code container.log}, which the monitor writes, and the files it rotated
 * out, {@code container.log.1} (the newest) to {@code container.log.N}. Files are told apart by inode: a
 * rotation renames them, and a file already open keeps its contents.
 */
final class LogFiles {
    static final String LIVE = "container.log";

    /** An open log file; {@code key} identifies the file whatever its name is now. */
    record Source(FileChannel channel, Object key) implements Closeable {
        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private record Opened(List<Source> oldestFirst, Object liveKey) {}

    private static final int ATTEMPTS = 5;

    private LogFiles() {}

    /** The identity of the file at {@code path}, or null when there is none. */
    static Object keyOf(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Every log file, oldest first; none when the container never wrote a log. */
    static List<Source> openAll(Path dir) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Opened opened = openOnce(dir);
            // a rotation while the files were opened may have shifted names under us: then look again
            if (Objects.equals(keyOf(dir.resolve(LIVE)), opened.liveKey()) || attempt == ATTEMPTS) {
                return opened.oldestFirst();
            }
            closeAll(opened.oldestFirst());
        }
    }

    static void closeAll(List<Source> sources) throws IOException {
        for (Source source : sources) {
            source.close();
        }
    }

    /** The live file first (so that rotated names are listed after it was opened), then newest to oldest. */
    private static Opened openOnce(Path dir) throws IOException {
        List<Source> newestFirst = new ArrayList<>();
        Source live = open(dir.resolve(LIVE));
        Set<Object> keys = new HashSet<>();
        if (live != null) {
            newestFirst.add(live);
            keys.add(live.key());
        }
        for (Path rotated : rotatedNewestFirst(dir)) {
            Source source = open(rotated);
            if (source != null && !keys.add(source.key())) {
                source.close();
            } else if (source != null) {
                newestFirst.add(source);
            }
        }
        return new Opened(newestFirst.reversed(), live == null ? null : live.key());
    }

    /** Opens the file, checking that it is still the one at {@code path}; null when there is none. */
    private static Source open(Path path) throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Object before = keyOf(path);
            if (before == null) {
                return null;
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ);
            } catch (NoSuchFileException renamedAway) {
                continue;
            }
            if (before.equals(keyOf(path))) {
                return new Source(channel, before);
            }
            channel.close();
        }
        return null;
    }

    private static List<Path> rotatedNewestFirst(Path dir) throws IOException {
        List<Path> rotated = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, LIVE + ".*")) {
            for (Path file : files) {
                if (rotationNumber(file) > 0) {
                    rotated.add(file);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        rotated.sort(Comparator.comparingLong(LogFiles::rotationNumber));
        return rotated;
    }

    /** N of {@code container.log.N}, or -1 for another file. */
    private static long rotationNumber(Path file) {
        String suffix = file.getFileName().toString().substring(LIVE.length() + 1);
        if (suffix.isEmpty() || suffix.length() > 9 || !suffix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(suffix);
    }
}
