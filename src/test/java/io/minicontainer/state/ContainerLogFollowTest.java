package io.minicontainer.state;

import static io.minicontainer.state.ContainerLogTest.numberedLines;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerLogFollowTest {
    private static final LogQuery FOLLOW = new LogQuery(LogQuery.ALL_LINES, null, null, false, true);
    private static final long PATIENCE_MS = 10_000;

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private LogFixture log() {
        return new LogFixture(dir);
    }

    private Future<?> follow(LogQuery query) {
        return executor.submit(() -> ContainerLog.of(dir).write(query, output, output, running::get));
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private void awaitOutput(String expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MS;
        while (!output().equals(expected) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(output()).isEqualTo(expected);
    }

    /** Stops the container and waits for following to end. */
    private void stopAndAwait(Future<?> following) throws Exception {
        running.set(false);
        following.get(PATIENCE_MS, TimeUnit.MILLISECONDS);
    }

    @Test
    void showsLinesAsTheContainerWritesThem() throws Exception {
        log().stdout("a\n");
        Future<?> following = follow(FOLLOW);
        awaitOutput("a\n");

        log().stderr("b\n").stdout("c\n");
        awaitOutput("a\nb\nc\n");
        log().stdout("last\n");
        stopAndAwait(following);

        assertThat(output()).isEqualTo("a\nb\nc\nlast\n");
    }

    @Test
    void waitsForTheRestOfARecordTheMonitorIsWriting() throws Exception {
        Future<?> following = follow(FOLLOW);
        log().raw(LogFixture.time(LogFixture.T0) + " stdout F hel");
        Thread.sleep(300);
        assertThat(output()).isEmpty();

        log().raw("lo\n");
        awaitOutput("hello\n");
        stopAndAwait(following);
    }

    @Test
    void aLineWrittenInPartsGetsOneTimestamp() throws Exception {
        LogFixture log = log().stdout("part");
        Future<?> following = follow(new LogQuery(LogQuery.ALL_LINES, null, null, true, true));
        awaitOutput(LogFixture.time(LogFixture.T0) + " part");

        log.stdout("ial\n");
        awaitOutput(LogFixture.time(LogFixture.T0) + " partial\n");
        stopAndAwait(following);
    }

    @Test
    void losesAndRepeatsNothingAcrossRotations() throws Exception {
        LogFixture log = log();
        Future<?> following = follow(FOLLOW);
        for (int i = 1; i <= 300; i++) {
            log.stdout("line " + i + "\n");
            if (i % 13 == 0) {
                log.rotate();
            }
            if (i % 20 == 0) {
                Thread.sleep(30); // sometimes the reader catches up, sometimes several rotations pass meanwhile
            }
        }
        stopAndAwait(following);

        assertThat(output()).isEqualTo(numberedLines(1, 300));
    }

    @Test
    void readsTheFileRotatedOutToItsEnd() throws Exception {
        LogFixture log = log().stdout("line 1\n");
        Future<?> following = follow(FOLLOW);
        awaitOutput(numberedLines(1, 1));

        log.stdout("line 2\n").rotate().stdout("line 3\n").rotate().rotate().stdout("line 4\n");
        awaitOutput(numberedLines(1, 4));
        stopAndAwait(following);
    }

    @Test
    void waitsForTheNewFileOfARotation() throws Exception {
        LogFixture log = log().stdout("line 1\n");
        Future<?> following = follow(FOLLOW);
        awaitOutput(numberedLines(1, 1));

        Files.move(log.live(), log.rotated(1));
        Thread.sleep(250);
        log.stdout("line 2\n");
        awaitOutput(numberedLines(1, 2));
        stopAndAwait(following);
    }

    @Test
    void endsOnceTheContainerStoppedAndTheLogIsRead() throws Exception {
        running.set(false);
        follow(FOLLOW).get(PATIENCE_MS, TimeUnit.MILLISECONDS);
        assertThat(output()).isEmpty();

        log().stdout("written before it stopped\n");
        follow(FOLLOW).get(PATIENCE_MS, TimeUnit.MILLISECONDS);
        assertThat(output()).isEqualTo("written before it stopped\n");
    }

    @Test
    void picksUpALogThatAppearsWhileFollowing() throws Exception {
        Future<?> following = follow(FOLLOW);
        Thread.sleep(150);

        log().stdout("first\n");
        awaitOutput("first\n");
        stopAndAwait(following);
    }

    @Test
    void tailZeroShowsOnlyNewLines() throws Exception {
        LogFixture log = log().stdout("old\n");
        Future<?> following = follow(new LogQuery(0, null, null, false, true));
        Thread.sleep(150);

        log.stdout("new\n");
        awaitOutput("new\n");
        stopAndAwait(following);
    }

    @Test
    void endsWhenUntilHasPassed() throws Exception {
        log().stdout("before\n");
        Instant past = LogFixture.T0.plus(Duration.ofSeconds(1));
        follow(new LogQuery(LogQuery.ALL_LINES, null, past, false, true)).get(PATIENCE_MS, TimeUnit.MILLISECONDS);
        assertThat(output()).isEqualTo("before\n");

        Instant soon = Instant.now().plusMillis(300);
        follow(new LogQuery(LogQuery.ALL_LINES, null, soon, false, true)).get(PATIENCE_MS, TimeUnit.MILLISECONDS);
        assertThat(Instant.now()).isAfter(soon);
    }

    @Test
    void endsWhenInterrupted() throws Exception {
        Future<?> following = follow(FOLLOW);
        Thread.sleep(150);

        following.cancel(true);
        executor.shutdown();

        assertThat(executor.awaitTermination(PATIENCE_MS, TimeUnit.MILLISECONDS)).isTrue();
    }
}
