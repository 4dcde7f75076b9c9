package io.minicontainer.state;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A container's output as its monitor logged it, for {@code minicontainer logs}.
 *
 * <p>The monitor writes {@code DIR/container.log} in the CRI ("k8s-file") format, one record a line:
 * {@code <time> <stdout|stderr> <F|P> <content>}, time in RFC3339 UTC with nine fraction digits, F when the
 * container wrote a newline after the content, P when not (yet). It rotates the file by size: renames
 * {@code container.log.N-1} to {@code .N}, ..., {@code container.log} to {@code .1}, and starts a new one.
 *
 * <pre>
 * ContainerLog.of(dir).write(LogQuery.fromFlags(tail, since, until, timestamps, follow, Instant.now()),
 *         System.out, System.err, () -&gt; container.isRunning());
 * </pre>
 */
public final class ContainerLog {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long TAIL_WINDOW = 64 * 1024;
    private static final long SURE_TAIL_WINDOW = 16 * 1024 * 1024;

    private final Path dir;
    private final long tailWindow;
    private final long sureTailWindow;

    /** {@code --tail} reads {@code tailWindow} bytes first; see {@link TailFinder} for {@code sureTailWindow}. */
    ContainerLog(Path dir, long tailWindow, long sureTailWindow) {
        this.dir = dir;
        this.tailWindow = tailWindow;
        this.sureTailWindow = sureTailWindow;
    }

    /** The log of the container whose directory is {@code containerDir}. */
    public static ContainerLog of(Path containerDir) {
        return new ContainerLog(containerDir, TAIL_WINDOW, SURE_TAIL_WINDOW);
    }

    /** The file the monitor writes: {@code DIR/container.log}. */
    public Path file() {
        return dir.resolve(LogFiles.LIVE);
    }

    /**
     * Writes what the container wrote, each stream to its own sink, byte for byte, as the query selects.
     * Without a log file (the container never started) writes nothing. A last line the monitor is still writing
     * is left out; when following, it comes out once finished. Following polls every 100 ms, across rotations,
     * and returns once {@code stillRunning} says false and the log has been read to its end, once {@code until}
     * has passed, or when the thread is interrupted.
     *
     * @param stillRunning asked only when following: whether the container may still write
     * @throws UncheckedIOException when the log or a sink fails
     */
    public void write(LogQuery query, OutputStream stdout, OutputStream stderr, BooleanSupplier stillRunning) {
        try {
            copy(query, stdout, stderr, stillRunning);
        } catch (ClosedByInterruptException e) {
            // the thread was interrupted while reading: the caller wants to stop, and the flag stays set
        } catch (IOException e) {
            throw new UncheckedIOException("read the log in " + dir + ": " + e.getMessage(), e);
        }
    }

    private void copy(LogQuery query, OutputStream stdout, OutputStream stderr, BooleanSupplier stillRunning)
            throws IOException {
        if (query.tail() == 0 && !query.follow()) {
            return;
        }
        List<LogFiles.Source> sources = LogFiles.openAll(dir);
        TailFinder.Start start;
        try {
            start = new TailFinder(sources, query, tailWindow, sureTailWindow).find();
        } catch (IOException | RuntimeException e) {
            LogFiles.closeAll(sources);
            throw e;
        }
        LogPrinter printer = new LogPrinter(query, stdout, stderr, start.inLineStreams());
        try (LogCursor cursor = new LogCursor(dir, sources, start.source(), start.offset())) {
            boolean more = cursor.read(printer);
            printer.flush();
            if (query.follow() && more) {
                follow(query, cursor, printer, stillRunning);
            }
        }
    }

    private static void follow(LogQuery query, LogCursor cursor, LogPrinter printer, BooleanSupplier stillRunning)
            throws IOException {
        while (!printer.pastUntil() && (query.until() == null || !Instant.now().isAfter(query.until()))) {
            // asked before reading: what the container wrote before it stopped is then read below
            boolean running = stillRunning.getAsBoolean();
            boolean more = cursor.read(printer);
            if (more && cursor.openNewer()) {
                more = cursor.read(printer);
            }
            printer.flush();
            if (!more || !running || !pause()) {
                return;
            }
        }
    }

    /** Waits before polling again; false if the thread was interrupted (the caller wants to stop). */
    private static boolean pause() {
        try {
            Thread.sleep(POLL);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
