package io.minicontainer.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code nft} command (Debian package nftables). A script goes in on standard input
 * ({@code nft -f -}) and is applied as one transaction: all of it or none. A failure is a
 * {@link NetworkException} whose message is nft's first error on one line, with the script line it is about.
 */
public final class Nft {
    private static final long TIMEOUT_SECONDS = 30;

    private final String executable;

    public Nft() {
        this("nft");
    }

    public Nft(String executable) {
        this.executable = executable;
    }

    /** Applies {@code script} atomically. */
    public void apply(String script) {
        start(script).await();
    }

    /**
     * Starts applying {@code script} and returns at once, so the caller can do other work meanwhile; the
     * script goes through the pipe in one write (scripts are a few kB; a pipe holds 64).
     */
    public Pending start(String script) {
        Process process = spawn(new ProcessBuilder(executable, "-f", "-").redirectErrorStream(true));
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(script.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // nft quit before reading everything; its status and output tell why
        }
        return new Pending(process);
    }

    /** A script being applied. */
    public final class Pending {
        private final Process process;

        private Pending(Process process) {
            this.process = process;
        }

        /** Waits until nft is done; its first error as a {@link NetworkException}. */
        public void await() {
            try {
                // nft reads all of its input before it says anything, and says little: no reader thread needed
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new NetworkException(executable + " did not finish within " + TIMEOUT_SECONDS + " seconds");
                }
                if (process.exitValue() != 0) {
                    throw new NetworkException(summarize(output, process.exitValue()));
                }
            } catch (IOException e) {
                throw new NetworkException("read output of " + executable + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NetworkException("interrupted while running " + executable, e);
            } finally {
                process.destroyForcibly();
            }
        }
    }

    /** Runs {@code nft ARGS...} (e.g. {@code list table ip minicontainer}) and returns what it printed. */
    public String run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(List.of(args));
        Process process = spawn(new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                "/dev/null"))));
        try {
            CompletableFuture<String> err = readAsync(process.getErrorStream());
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new NetworkException(executable + " did not finish within " + TIMEOUT_SECONDS + " seconds");
            }
            if (process.exitValue() != 0) {
                throw new NetworkException(summarize(err.get(), process.exitValue()));
            }
            return out;
        } catch (IOException e) {
            throw new NetworkException("read output of " + executable + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException("interrupted while running " + executable, e);
        } catch (ExecutionException e) {
            throw new NetworkException("read output of " + executable + ": " + e.getCause().getMessage(), e);
        } finally {
            process.destroyForcibly();
        }
    }

    private Process spawn(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new NetworkException("cannot run " + executable + " (is the nftables package installed?): "
                    + e.getMessage(), e);
        }
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(new UncheckedIOException(e));
            }
        });
        return text;
    }

    /**
     * nft's first error as one line. nft prints {@code /dev/stdin:3:41-55: Error: WHAT}, then the script line
     * and a line of carets under the culprit; this keeps WHAT and the script line.
     */
    static String summarize(String stderr, int status) {
        String[] lines = stderr.split("\n");
        for (int i = 0; i < lines.length; i++) {
            int error = lines[i].indexOf("Error: ");
            if (error >= 0) {
                String what = lines[i].substring(error + "Error: ".length()).trim();
                boolean quoted = i + 1 < lines.length && !lines[i + 1].isBlank() && !lines[i + 1].trim().startsWith("^");
                return "nft: " + what + (quoted ? " (in: " + lines[i + 1].trim() + ")" : "");
            }
        }
        for (String line : lines) {
            if (!line.isBlank()) {
                return "nft: " + line.trim();
            }
        }
        return "nft exited with status " + status;
    }
}
