package io.minicontainer.state;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * One line of the log file, {@code <time> <stream> <F|P> <content>}, read in place from the reader's buffer
 * (valid until the next read). F: the container wrote a newline after the content; P: not yet.
 */
record LogRecord(byte[] line, int timeFrom, int timeTo, LogStream stream, boolean partial, int contentFrom,
        int contentTo) {
    /** The monitor's timestamps, and docker's {@code -t}: RFC3339 in UTC with exactly nine fraction digits. */
    private static final DateTimeFormatter FIXED_NANOS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final String FIXED = "0000-00-00T00:00:00.000000000Z";
    private static final byte[] STDOUT = "stdout".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STDERR = "stderr".getBytes(StandardCharsets.US_ASCII);

    /** The record in {@code line[from, to)} (without its newline), or null when the line is not one. */
    static LogRecord parse(byte[] line, int from, int to) {
        int timeEnd = indexOfSpace(line, from, to);
        int streamEnd = timeEnd < 0 ? -1 : indexOfSpace(line, timeEnd + 1, to);
        if (timeEnd <= from || streamEnd < 0 || streamEnd + 1 >= to) {
            return null;
        }
        LogStream stream = streamNamed(line, timeEnd + 1, streamEnd);
        byte tag = line[streamEnd + 1];
        int contentFrom = streamEnd + 3;
        if (stream == null || (tag != 'F' && tag != 'P') || (contentFrom <= to && line[contentFrom - 1] != ' ')) {
            return null;
        }
        return new LogRecord(line, from, timeEnd, stream, tag == 'P', Math.min(contentFrom, to), to);
    }

    /** When the record was written, or null if its timestamp cannot be read. */
    Instant time() {
        if (isFixedFormat()) {
            try {
                LocalDate date = LocalDate.of(digits(0, 4), digits(5, 2), digits(8, 2));
                long seconds = date.toEpochDay() * 86_400 + digits(11, 2) * 3600L + digits(14, 2) * 60L + digits(17, 2);
                return Instant.ofEpochSecond(seconds, digits(20, 9));
            } catch (DateTimeException e) {
                return null;
            }
        }
        try {
            return Instant.parse(new String(line, timeFrom, timeTo - timeFrom, StandardCharsets.US_ASCII));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Writes the time as docker's {@code -t} shows it. */
    void writeTime(OutputStream out) throws IOException {
        Instant time = isFixedFormat() ? null : time();
        if (time == null) {
            out.write(line, timeFrom, timeTo - timeFrom);
        } else {
            out.write(FIXED_NANOS.format(time).getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Writes what the container wrote: the content, and the newline an F record stands for. */
    void writeContent(OutputStream out) throws IOException {
        out.write(line, contentFrom, contentTo - contentFrom);
        if (!partial) {
            out.write('\n');
        }
    }

    private boolean isFixedFormat() {
        if (timeTo - timeFrom != FIXED.length()) {
            return false;
        }
        for (int i = 0; i < FIXED.length(); i++) {
            char expected = FIXED.charAt(i);
            byte actual = line[timeFrom + i];
            if (expected == '0' ? actual < '0' || actual > '9' : actual != expected) {
                return false;
            }
        }
        return true;
    }

    private int digits(int offset, int count) {
        int value = 0;
        for (int i = timeFrom + offset; i < timeFrom + offset + count; i++) {
            value = value * 10 + line[i] - '0';
        }
        return value;
    }

    private static LogStream streamNamed(byte[] line, int from, int to) {
        if (equals(line, from, to, STDOUT)) {
            return LogStream.STDOUT;
        }
        return equals(line, from, to, STDERR) ? LogStream.STDERR : null;
    }

    private static boolean equals(byte[] line, int from, int to, byte[] name) {
        return Arrays.equals(line, from, to, name, 0, name.length);
    }

    private static int indexOfSpace(byte[] line, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] == ' ') {
                return i;
            }
        }
        return -1;
    }
}
