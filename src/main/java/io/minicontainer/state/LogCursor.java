package io.minicontainer.state;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a container's log files in order, oldest first, from a given line on; and, when following, picks up
 * the files that rotations add after the newest one it has.
 */
final class LogCursor implements Closeable {
    private final Path dir;
    private final List<LogFiles.Source> sources;
    /** Every file opened so far, so that a file rotated away before it was noticed is not read twice. */
    private final Set<Object> seen = new HashSet<>();
    private int current;
    private LineReader reader;

    /** Starts at {@code offset} in {@code sources.get(source)}; owns the sources from now on. */
    LogCursor(Path dir, List<LogFiles.Source> sources, int source, long offset) {
        this.dir = dir;
        this.sources = new ArrayList<>(sources);
        this.current = source;
        sources.forEach(s -> seen.add(s.key()));
        if (source < sources.size()) {
            reader = new LineReader(sources.get(source).channel(), offset);
        }
    }

    /**
     * Passes every complete line up to the end of the newest file on to the sink.
     *
     * @return false if the sink asked to stop
     */
    boolean read(LineReader.Sink sink) throws IOException {
        while (reader != null) {
            if (!reader.read(sink, Long.MAX_VALUE)) {
                return false;
            }
            if (current + 1 >= sources.size()) {
                return true;
            }
            // a rotated file is complete: an unfinished line at its end would never be finished
            sources.get(current).close();
            current++;
            reader = new LineReader(sources.get(current).channel(), 0);
        }
        return true;
    }

    /**
     * Opens the files that appeared after the newest one read: after a rotation, or when the container's first
     * output created the log. Call {@link #read} after it: the file rotated out may have grown before it was.
     *
     * @return whether there are new files
     */
    boolean openNewer() throws IOException {
        Object newest = sources.isEmpty() ? null : sources.getLast().key();
        Object live = LogFiles.keyOf(dir.resolve(LogFiles.LIVE));
        if (live == null || live.equals(newest)) {
            return false;
        }
        List<LogFiles.Source> newer = new ArrayList<>();
        for (LogFiles.Source source : LogFiles.openAll(dir)) {
            if (seen.add(source.key())) {
                newer.add(source);
            } else {
                source.close();
            }
        }
        sources.addAll(newer);
        if (reader == null && !newer.isEmpty()) {
            current = sources.size() - newer.size();
            reader = new LineReader(sources.get(current).channel(), 0);
        }
        return !newer.isEmpty();
    }

    @Override
    public void close() throws IOException {
        LogFiles.closeAll(sources);
    }
}
