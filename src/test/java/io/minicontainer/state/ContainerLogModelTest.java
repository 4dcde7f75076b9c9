package io.minicontainer.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random logs, read with random queries and windows, against a plain model of what docker logs shows. */
class ContainerLogModelTest {
    private static final int LOGS = 300;

    @TempDir
    Path tmp;

    private record Written(LogStream stream, boolean partial, byte[] content, Instant time) {}

    @Test
    void showsWhatTheModelShows() {
        Random random = new Random(7);
        for (int n = 0; n < LOGS; n++) {
            Path dir = tmp.resolve("log" + n);
            List<Written> records = writeRandomLog(new LogFixture(dir), random);
            for (int q = 0; q < 10; q++) {
                LogQuery query = randomQuery(records, random);
                int window = 1 + random.nextInt(300);
                String context = "log " + n + ", " + query + ", window " + window;

                assertThat(read(new ContainerLog(dir, window, Long.MAX_VALUE), query)).as(context)
                        .isEqualTo(expected(records, query));
                assertThat(read(ContainerLog.of(dir), query)).as(context).isEqualTo(expected(records, query));
            }
        }
    }

    private static List<Written> writeRandomLog(LogFixture log, Random random) {
        List<Written> records = new ArrayList<>();
        int count = random.nextInt(60);
        Instant time = LogFixture.T0;
        for (int i = 0; i < count; i++) {
            LogStream stream = random.nextInt(3) == 0 ? LogStream.STDERR : LogStream.STDOUT;
            boolean partial = random.nextInt(3) == 0;
            byte[] content = new byte[random.nextInt(12)];
            for (int b = 0; b < content.length; b++) {
                byte[] alphabet = {'a', ' ', 'F', 'P', (byte) 0xff, '\r', 0, 'z'};
                content[b] = alphabet[random.nextInt(alphabet.length)];
            }
            // half the records have the time of the one before
            time = random.nextBoolean() ? time.plus(LogFixture.TICK) : time;
            records.add(new Written(stream, partial, content, time));
            log.at(time).record(stream, partial, content);
            if (random.nextInt(10) == 0) {
                log.rotate();
            }
        }
        return records;
    }

    private static LogQuery randomQuery(List<Written> records, Random random) {
        int[] tails = {LogQuery.ALL_LINES, 0, 1, 2, 3, 5, 8, 100};
        return new LogQuery(tails[random.nextInt(tails.length)], randomTime(records, random),
                randomTime(records, random), random.nextBoolean(), false);
    }

    private static Instant randomTime(List<Written> records, Random random) {
        if (records.isEmpty() || random.nextBoolean()) {
            return null;
        }
        Instant time = records.get(random.nextInt(records.size())).time();
        return time.plusNanos(random.nextInt(3) - 1);
    }

    private static String read(ContainerLog log, LogQuery query) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        log.write(query, both, both, () -> false);
        log.write(query, out, new ByteArrayOutputStream(), () -> false);
        return both.toString(StandardCharsets.ISO_8859_1) + "|stdout:" + out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Lines are chains of records of one stream, up to an F record; each is shown whole or not at all. */
    private static String expected(List<Written> records, LogQuery query) {
        int[] lineOf = new int[records.size()];
        List<Integer> lineStarts = new ArrayList<>();
        int[] openLine = {-1, -1};
        for (int i = 0; i < records.size(); i++) {
            int stream = records.get(i).stream().ordinal();
            if (openLine[stream] < 0) {
                openLine[stream] = lineStarts.size();
                lineStarts.add(i);
            }
            lineOf[i] = openLine[stream];
            if (!records.get(i).partial()) {
                openLine[stream] = -1;
            }
        }
        List<Integer> shown = new ArrayList<>();
        for (int line = 0; line < lineStarts.size(); line++) {
            if (query.admits(records.get(lineStarts.get(line)).time())) {
                shown.add(line);
            }
        }
        if (query.tail() != LogQuery.ALL_LINES) {
            shown = shown.subList(Math.max(0, shown.size() - query.tail()), shown.size());
        }
        StringBuilder both = new StringBuilder();
        StringBuilder stdout = new StringBuilder();
        for (int i = 0; i < records.size(); i++) {
            if (!shown.contains(lineOf[i])) {
                continue;
            }
            Written record = records.get(i);
            String text = (query.timestamps() && lineStarts.get(lineOf[i]) == i ? LogFixture.time(record.time()) + " " : "")
                    + new String(record.content(), StandardCharsets.ISO_8859_1) + (record.partial() ? "" : "\n");
            both.append(text);
            if (record.stream() == LogStream.STDOUT) {
                stdout.append(text);
            }
        }
        return both + "|stdout:" + stdout;
    }
}
