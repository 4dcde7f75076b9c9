package io.minicontainer.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Reads a file line by line from an offset, in big chunks, keeping only the current chunk in memory. A last
 * line without its newline is kept back until the newline arrives: the writer may be in the middle of it.
 */
final class LineReader {
    private static final int CHUNK = 64 * 1024;
    /** Longer lines are not log records (the monitor splits long output): skipped, not kept in memory. */
    static final int MAX_LINE = 16 * 1024 * 1024;

    /** Receives each line, without its newline; {@code offset} is where the line starts in the file. */
    interface Sink {
        /** Returns false to stop reading. */
        boolean line(byte[] buffer, int from, int to, long offset) throws IOException;
    }

    private final FileChannel channel;
    private byte[] buffer = new byte[CHUNK];
    private long bufferOffset;
    private int lineStart;
    private int scanned;
    private int end;
    private boolean skippingLongLine;

    LineReader(FileChannel channel, long offset) {
        this.channel = channel;
        this.bufferOffset = offset;
    }

    /** The file offset of the first line not yet passed on. */
    long offset() {
        return bufferOffset + lineStart;
    }

    /**
     * Passes on every complete line that ends before {@code limit} (a file offset) or the end of the file.
     *
     * @return false if the sink asked to stop
     */
    boolean read(Sink sink, long limit) throws IOException {
        while (true) {
            for (; scanned < end; scanned++) {
                if (buffer[scanned] == '\n') {
                    int from = lineStart;
                    lineStart = scanned + 1;
                    if (skippingLongLine) {
                        skippingLongLine = false;
                    } else if (!sink.line(buffer, from, scanned, bufferOffset + from)) {
                        scanned++;
                        return false;
                    }
                }
            }
            if (!fill(limit)) {
                return true;
            }
        }
    }

    /** Reads more of the file after the kept-back part; false at the end (or the limit). */
    private boolean fill(long limit) throws IOException {
        keepOnlyUnfinishedLine();
        long readAt = bufferOffset + end;
        if (readAt >= limit) {
            return false;
        }
        if (end == buffer.length && buffer.length >= MAX_LINE) {
            skippingLongLine = true;
            bufferOffset += end;
            end = 0;
            scanned = 0;
        } else if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int room = (int) Math.min(buffer.length - end, limit - readAt);
        int read = channel.read(ByteBuffer.wrap(buffer, end, room), readAt);
        if (read <= 0) {
            return false;
        }
        end += read;
        return true;
    }

    private void keepOnlyUnfinishedLine() {
        if (lineStart == 0) {
            return;
        }
        System.arraycopy(buffer, lineStart, buffer, 0, end - lineStart);
        bufferOffset += lineStart;
        end -= lineStart;
        scanned -= lineStart;
        lineStart = 0;
    }
}
