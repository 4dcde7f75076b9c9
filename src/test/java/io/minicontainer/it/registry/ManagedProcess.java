package io.minicontainer.it.registry;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A background process whose output goes to a log file, stopped with SIGTERM and then SIGKILL.
 * A JVM shutdown hook stops it too, so a test that never reaches close() leaves nothing running.
 */
final class ManagedProcess implements AutoCloseable {
    private static final long GRACE_SECONDS = 5;

    private final Process process;
    private final Path log;
    private final Thread shutdownHook;

    private ManagedProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, "stop " + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static ManagedProcess start(List<String> command, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return new ManagedProcess(builder.start(), log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** The last lines of the log, for error messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the process and its children; idempotent. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and runs the hook itself
        }
    }

    private void stop() {
        List<ProcessHandle> children = process.descendants().toList();
        terminate(process.toHandle());
        children.forEach(ManagedProcess::terminate);
    }

    private static void terminate(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy(); // SIGTERM
        try {
            handle.onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // still running: no more patience
        }
        handle.destroyForcibly(); // SIGKILL
        handle.onExit().orTimeout(GRACE_SECONDS, TimeUnit.SECONDS).exceptionally(t -> null).join();
    }

    /** Runs a short command to its end; its combined output is returned, a non-zero exit is an error. */
    static String run(List<String> command, Path workDir, Map<String, String> env, long timeoutSeconds) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            var output = CompletableFuture.supplyAsync(() -> readAll(process));
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(command + " took more than " + timeoutSeconds + " s: " + output.join());
            }
            if (process.exitValue() != 0) {
                throw new CommandFailedException(command, process.exitValue(), output.join());
            }
            return output.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
