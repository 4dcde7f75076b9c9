package io.minicontainer.state;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/**
 * Turns log records back into what the container wrote, on the sink of their stream, keeping the lines the
 * query asks for. A line is a stream's P records up to its next F record, whatever the other stream wrote
 * meanwhile; it is shown or left out whole, as its first record's time says.
 */
final class LogPrinter implements LineReader.Sink {
    private static final int BUFFER = 64 * 1024;

    private final LogQuery query;
    private final OutputStream[] sinks;
    private final boolean[] inLine = new boolean[LogStream.values().length];
    private final boolean[] showingLine = new boolean[LogStream.values().length];
    private LogStream lastWritten;
    private boolean pastUntil;

    /**
     * @param inLineStreams the streams (as {@link LogStream#bit()}s) whose first records continue a line
     *                      that started before the reading did, and so are not shown
     */
    LogPrinter(LogQuery query, OutputStream stdout, OutputStream stderr, int inLineStreams) {
        this.query = query;
        this.sinks = new OutputStream[] {new BufferedOutputStream(stdout, BUFFER), new BufferedOutputStream(stderr, BUFFER)};
        for (LogStream stream : LogStream.values()) {
            inLine[stream.ordinal()] = (inLineStreams & stream.bit()) != 0;
        }
    }

    /** Prints the record on this line; false once a line later than {@code until} began and none is open. */
    @Override
    public boolean line(byte[] buffer, int from, int to, long offset) throws IOException {
        LogRecord record = LogRecord.parse(buffer, from, to);
        if (record == null) {
            return true;
        }
        int stream = record.stream().ordinal();
        boolean startsLine = !inLine[stream];
        if (startsLine) {
            showingLine[stream] = startsShownLine(record);
        }
        if (showingLine[stream]) {
            OutputStream sink = sinkFor(record.stream());
            if (startsLine && query.timestamps()) {
                record.writeTime(sink);
                sink.write(' ');
            }
            record.writeContent(sink);
        }
        inLine[stream] = record.partial();
        return !pastUntil || anyShownLineOpen();
    }

    /** Whether {@code until} has passed: no later line will be shown. */
    boolean pastUntil() {
        return pastUntil;
    }

    /** Writes out what is buffered. */
    void flush() throws IOException {
        for (OutputStream sink : sinks) {
            sink.flush();
        }
    }

    private boolean startsShownLine(LogRecord record) {
        if (!query.choosesByTime()) {
            return !pastUntil;
        }
        Instant time = record.time();
        if (time != null && query.until() != null && time.isAfter(query.until())) {
            pastUntil = true;
        }
        return time != null && !pastUntil && query.admits(time);
    }

    private boolean anyShownLineOpen() {
        for (int i = 0; i < inLine.length; i++) {
            if (inLine[i] && showingLine[i]) {
                return true;
            }
        }
        return false;
    }

    /** The stream's sink; the other one is flushed first, so that the two keep the order they were written in. */
    private OutputStream sinkFor(LogStream stream) throws IOException {
        if (lastWritten != null && lastWritten != stream) {
            sinks[lastWritten.ordinal()].flush();
        }
        lastWritten = stream;
        return sinks[stream.ordinal()];
    }
}
