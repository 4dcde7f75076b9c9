package io.minicontainer.state;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * Finds where to start reading so that the last {@code tail} lines the query admits come out, reading only the
 * end of the log: a window before the end, four times bigger each time it proves too small.
 *
 * <p>Inside a window, a stream's first record may continue a line that began before the window: it cannot be
 * counted, and if it could be among the last lines the window is too small. Past {@code sureWindow} bytes such a
 * record is taken to start a line (else a lone late line on stderr would have the whole log read to find how the
 * previous one ended). Timestamps only grow, so a window whose first record is before {@code since} has every
 * line worth showing.
 */
final class TailFinder {
    /** A record boundary, and the streams (as {@link LogStream#bit()}s) in the middle of a line there. */
    record Start(int source, long offset, int inLineStreams) {
        boolean isAfter(Start other) {
            return source > other.source || (source == other.source && offset > other.offset);
        }
    }

    private enum Known { UNKNOWN, LINE_ENDED, IN_LINE }

    private final List<LogFiles.Source> sources;
    private final long[] sizes;
    private final LogQuery query;
    private final long firstWindow;
    private final long sureWindow;

    TailFinder(List<LogFiles.Source> sources, LogQuery query, long firstWindow, long sureWindow) throws IOException {
        this.sources = sources;
        this.query = query;
        this.firstWindow = firstWindow;
        this.sureWindow = sureWindow;
        this.sizes = new long[sources.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = sources.get(i).channel().size();
        }
    }

    Start find() throws IOException {
        if (query.tail() == LogQuery.ALL_LINES || sources.isEmpty()) {
            return new Start(0, 0, 0);
        }
        long total = Arrays.stream(sizes).sum();
        for (long window = firstWindow; ; window *= 4) {
            Start start = scan(Math.max(0, total - window), window >= sureWindow);
            if (start != null) {
                return start;
            }
        }
    }

    /** The start, found by reading from {@code from} (a byte of the whole log) on; null if it is not enough. */
    private Start scan(long from, boolean guessLineStarts) throws IOException {
        int source = 0;
        long offset = from;
        while (offset >= sizes[source] && source < sizes.length - 1) {
            offset -= sizes[source++];
        }
        Window window = new Window(from == 0, guessLineStarts);
        for (int i = source; i < sources.size(); i++) {
            // from the middle of a file: the line cut in two is not one to count
            boolean cut = i == source && offset > 0;
            window.source = i;
            window.skipLine = cut;
            LineReader reader = new LineReader(sources.get(i).channel(), cut ? offset - 1 : i == source ? offset : 0);
            reader.read(window, sizes[i]);
            if (cut && reader.offset() < offset && i == sources.size() - 1) {
                return null; // the window holds part of one unfinished record: where it starts is not known
            }
            window.end = new Start(i, reader.offset(), window.inLineStreams());
        }
        return window.start();
    }

    /** What one window of the log says about its lines. */
    private final class Window implements LineReader.Sink {
        private final boolean atBeginning;
        private final Known[] known = new Known[LogStream.values().length];
        private final Start[] uncertain = new Start[LogStream.values().length];
        private final ArrayDeque<Start> lastLines = new ArrayDeque<>();
        private boolean firstRecord = true;
        private boolean earlierLinesHidden;
        int source;
        boolean skipLine;
        Start end;

        Window(boolean atBeginning, boolean guessLineStarts) {
            this.atBeginning = atBeginning;
            Arrays.fill(known, atBeginning || guessLineStarts ? Known.LINE_ENDED : Known.UNKNOWN);
        }

        @Override
        public boolean line(byte[] buffer, int from, int to, long offset) {
            if (skipLine) {
                skipLine = false;
                return true;
            }
            LogRecord record = LogRecord.parse(buffer, from, to);
            if (record == null) {
                return true;
            }
            Instant time = query.choosesByTime() ? record.time() : null;
            if (firstRecord) {
                firstRecord = false;
                earlierLinesHidden = query.since() != null && time != null && time.isBefore(query.since());
            }
            int stream = record.stream().ordinal();
            switch (known[stream]) {
                case UNKNOWN -> uncertain[stream] = beforeSince(time) ? null : new Start(source, offset, 0);
                case LINE_ENDED -> countIfShown(offset, time);
                case IN_LINE -> { }
            }
            known[stream] = record.partial() ? Known.IN_LINE : Known.LINE_ENDED;
            return true;
        }

        private void countIfShown(long offset, Instant time) {
            if (query.choosesByTime() && (time == null || !query.admits(time))) {
                return;
            }
            lastLines.addLast(new Start(source, offset, inLineStreams()));
            if (lastLines.size() > query.tail()) {
                lastLines.removeFirst();
            }
        }

        /** A line with a record before {@code since} is not shown, wherever it began. */
        private boolean beforeSince(Instant time) {
            return query.since() != null && time != null && time.isBefore(query.since());
        }

        int inLineStreams() {
            int streams = 0;
            for (LogStream stream : LogStream.values()) {
                streams |= known[stream.ordinal()] == Known.IN_LINE ? stream.bit() : 0;
            }
            return streams;
        }

        Start start() {
            if (query.tail() == 0) {
                return end;
            }
            if (atBeginning) {
                return firstOrEnd();
            }
            boolean full = lastLines.size() == query.tail();
            if (!full && !earlierLinesHidden) {
                return null; // more lines to show before the window
            }
            Start first = firstOrEnd();
            for (Start maybeLine : uncertain) {
                if (maybeLine != null && (!full || maybeLine.isAfter(first))) {
                    return null; // a line that may start there would be one to show
                }
            }
            return first;
        }

        private Start firstOrEnd() {
            return lastLines.isEmpty() ? end : lastLines.getFirst();
        }
    }
}
