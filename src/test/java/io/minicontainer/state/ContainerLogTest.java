package io.minicontainer.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerLogTest {
    @TempDir
    Path dir;

    private LogFixture log() {
        return new LogFixture(dir);
    }

    private LogOutput read(LogQuery query) {
        return LogOutput.of(ContainerLog.of(dir), query);
    }

    /** Reads a window of {@code bytes} first, to see tails found in many steps; never guesses where lines start. */
    private ContainerLog smallWindows(int bytes) {
        return new ContainerLog(dir, bytes, Long.MAX_VALUE);
    }

    private static LogQuery tail(int lines) {
        return new LogQuery(lines, null, null, false, false);
    }

    @Test
    void givesBackWhatTheContainerWroteOnEachStream() {
        log().stdout("hello\n").stderr("oops\n").stdout("\n").stdout("no newline yet").stderr("warn\n")
                .stdout(", now one\n").stdout("end without newline");

        LogOutput output = read(LogQuery.all());

        assertThat(output.out()).isEqualTo("hello\n\nno newline yet, now one\nend without newline");
        assertThat(output.err()).isEqualTo("oops\nwarn\n");
        assertThat(output.all()).isEqualTo("hello\noops\n\nno newline yetwarn\n, now one\nend without newline");
    }

    @Test
    void keepsBytesThatAreNotText() {
        byte[] content = {(byte) 0xff, (byte) 0xfe, 0, '\r', ' ', ' ', (byte) 0xc3, '\t'};
        log().record(LogStream.STDOUT, false, content).record(LogStream.STDOUT, true, new byte[0]);

        LogOutput output = read(LogQuery.all());

        byte[] expected = new byte[content.length + 1];
        System.arraycopy(content, 0, expected, 0, content.length);
        expected[content.length] = '\n';
        assertThat(output.stdout()).isEqualTo(expected);
        assertThat(output.stderr()).isEmpty();
    }

    @Test
    void writesNothingWithoutALog() throws IOException {
        assertThat(LogOutput.of(ContainerLog.of(dir.resolve("never-created"))).both()).isEmpty();
        Files.createDirectories(dir);
        assertThat(read(LogQuery.all()).both()).isEmpty();
        assertThat(read(tail(3)).both()).isEmpty();
    }

    @Test
    void leavesOutALineTheMonitorIsStillWriting() {
        log().stdout("done\n").raw(LogFixture.time(LogFixture.T0) + " stdout F half a rec");

        assertThat(read(LogQuery.all()).all()).isEqualTo("done\n");
        assertThat(read(tail(1)).all()).isEqualTo("done\n");
    }

    @Test
    void skipsLinesThatAreNotRecords() {
        log().stdout("one\n").raw("garbage\n\n" + LogFixture.time(LogFixture.T0) + " stdin F x\n")
                .raw(LogFixture.time(LogFixture.T0) + " stdout X y\n" + LogFixture.time(LogFixture.T0) + " stdout Fz\n")
                .raw(LogFixture.time(LogFixture.T0) + " stdout F\n").stdout("two\n");

        assertThat(read(LogQuery.all()).all()).isEqualTo("one\n\ntwo\n");
    }

    @Test
    void readsRotatedFilesOldestFirst() {
        LogFixture log = log();
        for (int i = 1; i <= 12; i++) {
            log.stdout("line " + i + "\n").rotate();
        }
        log.stdout("line 13\n");

        assertThat(log.rotated(12)).exists();
        assertThat(read(LogQuery.all()).all()).isEqualTo(numberedLines(1, 13));
    }

    @Test
    void tailCountsLinesNotRecords() {
        log().stdout("a\n").stdout("b1").stdout("b2").stdout("b3\n").stdout("c\n");

        assertThat(read(tail(2)).all()).isEqualTo("b1b2b3\nc\n");
        assertThat(read(tail(1)).all()).isEqualTo("c\n");
        assertThat(read(tail(0)).all()).isEmpty();
        assertThat(read(tail(99)).all()).isEqualTo("a\nb1b2b3\nc\n");
    }

    @Test
    void tailCountsBothStreamsAndLeavesOutTheRestOfAnEarlierLine() {
        // stderr's line began before the last two lines did: none of it is shown
        log().stderr("slow ").stdout("1\n").stderr("line\n").stdout("2\n");

        LogOutput output = read(tail(2));

        assertThat(output.all()).isEqualTo("1\n2\n");
        assertThat(read(tail(3)).all()).isEqualTo("slow 1\nline\n2\n");
    }

    @Test
    void tailReachesIntoRotatedFiles() {
        LogFixture log = log();
        for (int i = 1; i <= 30; i++) {
            log.stdout("line " + i + "\n");
            if (i % 7 == 0) {
                log.rotate();
            }
        }

        assertThat(read(tail(10)).all()).isEqualTo(numberedLines(21, 30));
        assertThat(LogOutput.of(smallWindows(16), tail(10)).all()).isEqualTo(numberedLines(21, 30));
        assertThat(LogOutput.of(smallWindows(16), tail(29)).all()).isEqualTo(numberedLines(2, 30));
    }

    @Test
    void tailFindsAFewLinesAtTheEndOfAHugeLogWithoutReadingIt() throws IOException {
        try (var file = java.nio.channels.FileChannel.open(log().live(), java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.SPARSE)) {
            file.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}), 4L << 30); // 4 GB of holes, then a newline
        }
        log().stdout("last\n").stderr("lines\n");

        long started = System.nanoTime();
        assertThat(read(tail(2)).all()).isEqualTo("last\nlines\n");
        assertThat(read(tail(0)).all()).isEmpty();
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2000);
    }

    @Test
    void tailTakesARecordWhosePreviousOneIsFarBackToStartALine() {
        LogFixture log = log().stderr("prompt ");
        for (int i = 1; i <= 100; i++) {
            log.stdout("line " + i + "\n");
        }
        log.stderr("answer\n");

        // reading it all: stderr's line is the oldest, and not among the last two
        assertThat(LogOutput.of(smallWindows(16), tail(2)).all()).isEqualTo(numberedLines(99, 100));
        // reading at most 256 bytes back: its end is taken for a line
        assertThat(LogOutput.of(new ContainerLog(dir, 16, 256), tail(2)).all()).isEqualTo("line 100\nanswer\n");
    }

    @Test
    void timestampsPrefixEveryLineWithItsFirstRecordsTime() {
        Instant t0 = LogFixture.T0;
        log().stdout("hello\n").stdout("part").stderr("err\n").stdout("ial\n");

        String expected = LogFixture.time(t0) + " hello\n"
                + LogFixture.time(t0.plus(LogFixture.TICK)) + " part"
                + LogFixture.time(t0.plus(LogFixture.TICK.multipliedBy(2))) + " err\n"
                + "ial\n";
        assertThat(read(new LogQuery(LogQuery.ALL_LINES, null, null, true, false)).all()).isEqualTo(expected);
        assertThat(LogFixture.time(t0)).isEqualTo("2026-11-29T11:22:33.123456789Z");
    }

    @Test
    void timestampsAreShownAsDockerDoesWhateverTheirForm() {
        log().raw("2026-11-29T11:22:33.5Z stdout F short\n2026-11-29T12:22:33+01:00 stdout F offset\n");

        assertThat(read(new LogQuery(LogQuery.ALL_LINES, null, null, true, false)).all()).isEqualTo(
                "2026-11-29T11:22:33.500000000Z short\n2026-11-29T11:22:33.000000000Z offset\n");
    }

    @Test
    void sinceAndUntilChooseLinesByTheirFirstRecordBothInclusive() {
        Instant t0 = LogFixture.T0;
        Instant tick = t0.plus(LogFixture.TICK);
        log().stdout("0\n").stdout("1\n").stdout("2-").stdout("2\n").stdout("4\n").stdout("5\n");

        assertThat(read(new LogQuery(LogQuery.ALL_LINES, tick, null, false, false)).all()).isEqualTo("1\n2-2\n4\n5\n");
        assertThat(read(new LogQuery(LogQuery.ALL_LINES, tick.plusNanos(1), null, false, false)).all())
                .isEqualTo("2-2\n4\n5\n");
        Instant three = t0.plus(LogFixture.TICK.multipliedBy(3));
        assertThat(read(new LogQuery(LogQuery.ALL_LINES, three, null, false, false)).all()).isEqualTo("4\n5\n");
        assertThat(read(new LogQuery(LogQuery.ALL_LINES, null, tick, false, false)).all()).isEqualTo("0\n1\n");
        assertThat(read(new LogQuery(LogQuery.ALL_LINES, tick, three.minusNanos(1), false, false)).all())
                .isEqualTo("1\n2-2\n");
    }

    @Test
    void tailCountsOnlyTheLinesSinceAndUntilChoose() {
        LogFixture log = log();
        for (int i = 1; i <= 10; i++) {
            log.stdout("line " + i + "\n");
        }
        Instant third = LogFixture.T0.plus(LogFixture.TICK.multipliedBy(2));
        Instant sixth = LogFixture.T0.plus(LogFixture.TICK.multipliedBy(5));

        assertThat(read(new LogQuery(2, null, sixth, false, false)).all()).isEqualTo(numberedLines(5, 6));
        assertThat(read(new LogQuery(20, third, sixth, false, false)).all()).isEqualTo(numberedLines(3, 6));
        assertThat(LogOutput.of(smallWindows(20), new LogQuery(5, sixth, null, false, false)).all())
                .isEqualTo(numberedLines(6, 10));
        assertThat(LogOutput.of(smallWindows(20), new LogQuery(9, sixth, null, false, false)).all())
                .isEqualTo(numberedLines(6, 10));
    }

    @Test
    void writesToTheSinksGivenWithoutClosingThem() {
        log().stdout("x\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("closed");
            }
        };

        ContainerLog.of(dir).write(LogQuery.all(), out, out, () -> false);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("x\n");
        assertThat(ContainerLog.of(dir).file()).isEqualTo(dir.resolve("container.log"));
    }

    static String numberedLines(int first, int last) {
        StringBuilder lines = new StringBuilder();
        for (int i = first; i <= last; i++) {
            lines.append("line ").append(i).append('\n');
        }
        return lines.toString();
    }
}
