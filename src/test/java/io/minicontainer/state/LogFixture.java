package io.minicontainer.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes a container's log files as its monitor does: CRI records, one tick of the clock apart, and rotations. */
final class LogFixture {
    static final Instant T0 = Instant.parse("2026-11-29T11:22:33.123456789Z");
    static final Duration TICK = Duration.ofMillis(1);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private Instant now = T0;

    LogFixture(Path dir) {
        this.dir = dir;
    }

    Path live() {
        return dir.resolve("container.log");
    }

    /** The time the next record gets. */
    Instant now() {
        return now;
    }

    LogFixture at(Instant time) {
        now = time;
        return this;
    }

    /** Records for {@code text} as the container wrote it: an F record per newline, a P record for the rest. */
    LogFixture stdout(String text) {
        return write(LogStream.STDOUT, text);
    }

    LogFixture stderr(String text) {
        return write(LogStream.STDERR, text);
    }

    LogFixture write(LogStream stream, String text) {
        int from = 0;
        for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', from)) {
            record(stream, false, text.substring(from, newline).getBytes(StandardCharsets.UTF_8));
            from = newline + 1;
        }
        if (from < text.length()) {
            record(stream, true, text.substring(from).getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** One record, at the current time; the clock then ticks. */
    LogFixture record(LogStream stream, boolean partial, byte[] content) {
        byte[] head = (TIME.format(now) + " " + stream.name().toLowerCase() + (partial ? " P " : " F "))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[head.length + content.length + 1];
        System.arraycopy(head, 0, line, 0, head.length);
        System.arraycopy(content, 0, line, head.length, content.length);
        line[line.length - 1] = '\n';
        now = now.plus(TICK);
        return append(line);
    }

    LogFixture raw(String text) {
        return append(text.getBytes(StandardCharsets.UTF_8));
    }

    LogFixture append(byte[] bytes) {
        try {
            Files.createDirectories(dir);
            Files.write(live(), bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** As the monitor rotates: .N-1 to .N, ..., container.log to .1, then a new, empty container.log. */
    LogFixture rotate() {
        try {
            int highest = 0;
            while (Files.exists(rotated(highest + 1))) {
                highest++;
            }
            for (int n = highest; n >= 1; n--) {
                Files.move(rotated(n), rotated(n + 1));
            }
            Files.move(live(), rotated(1));
            Files.createFile(live());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path rotated(int n) {
        return dir.resolve("container.log." + n);
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
