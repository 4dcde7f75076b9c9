package io.minicontainer.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Runs the real ./minicontainer, as a user would, against a test's own data root. */
final class Cli {
    private static final Path LAUNCHER = Path.of(System.getProperty("minicontainer.launcher", "minicontainer"));
    private static final long TIMEOUT_SECONDS = 30;

    private final Path root;
    private final Map<String, String> extraEnv;

    /** Containers get no network unless a test asks for one: the default bridge is the host's, not a test's. */
    Cli(Path root, Map<String, String> extraEnv) {
        this.root = root;
        Map<String, String> env = new java.util.HashMap<>(Map.of("MINICONTAINER_NETWORK", "none"));
        env.putAll(extraEnv);
        this.extraEnv = Map.copyOf(env);
    }

    record Result(int exitCode, String stdout, String stderr) {}

    /** A started CLI whose output is collected in the background; stdout also line by line. */
    static final class Running {
        final Process process;
        final CompletableFuture<String> stdout;
        final CompletableFuture<String> stderr;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Running(Process process) {
            this.process = process;
            this.stdout = collectLines(process.getInputStream(), lines);
            this.stderr = collect(process.getErrorStream());
        }

        /** Waits until the container prints {@code expected} as a whole line. */
        void awaitLine(String expected) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (expected.equals(line)) {
                    return;
                }
            }
            throw new AssertionError("the container did not print " + expected);
        }

        Result await() {
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("minicontainer did not finish within " + TIMEOUT_SECONDS + " s");
                }
                return new Result(process.exitValue(), stdout.join(), stderr.join());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    /** Runs with {@code stdin} as standard input and waits for the end. */
    Result runWithInput(String stdin, String... args) {
        return runWithBytes(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    Result runWithBytes(byte[] stdin, String... args) {
        Running running = start(args);
        try (var in = running.process.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // the container may exit without reading its input
        }
        return running.await();
    }

    /** Runs with standard input from {@code stdin} and standard output into {@code stdout}: binary data, such as archives. */
    Result runWithFiles(Path stdin, Path stdout, String... args) {
        List<String> command = command(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(stdin.toFile()).redirectOutput(stdout.toFile());
        builder.environment().putAll(extraEnv);
        try {
            Process process = builder.start();
            CompletableFuture<String> stderr = collect(process.getErrorStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("minicontainer did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), "", stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Running start(String... args) {
        ProcessBuilder builder = new ProcessBuilder(command(args));
        builder.environment().putAll(extraEnv);
        try {
            return new Running(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> command(String... args) {
        return command(root, args);
    }

    /** The command line that runs the CLI against {@code root}, for tests that start it some other way. */
    static List<String> command(Path root, String... args) {
        if (!java.nio.file.Files.isExecutable(LAUNCHER)) {
            throw new IllegalStateException(LAUNCHER + " is missing: integration tests run the built CLI (make build)");
        }
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "--root", root.toString(),
                "--runroot", root.resolve("run").toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static CompletableFuture<String> collectLines(InputStream stream, BlockingQueue<String> lines) {
        return CompletableFuture.supplyAsync(() -> {
            StringBuilder text = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    text.append(line).append('\n');
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process is gone
            }
            return text.toString();
        });
    }

    private static CompletableFuture<String> collect(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
