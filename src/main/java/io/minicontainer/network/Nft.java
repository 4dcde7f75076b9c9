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
        run(List.of("-f", "-"), script);
    }

    /** Runs {@code nft ARGS...} (e.g. {@code list table ip minicontainer}) and returns what it printed. */
    public String run(String... args) {
        return run(List.of(args), "");
    }

    private String run(List<String> args, String input) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new NetworkException("cannot run " + executable + " (is the nftables package installed?): "
                    + e.getMessage(), e);
        }
        try {
            CompletableFuture<String> out = readAsync(process.getInputStream());
            CompletableFuture<String> err = readAsync(process.getErrorStream());
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // nft quit before reading everything; its status and stderr tell why
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new NetworkException(executable + " did not finish within " + TIMEOUT_SECONDS + " seconds");
            }
            if (process.exitValue() != 0) {
                throw new NetworkException(summarize(err.get(), process.exitValue()));
            }
            return out.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException("interrupted while running " + executable, e);
        } catch (ExecutionException e) {
            throw new NetworkException("read output of " + executable + ": " + e.getCause().getMessage(), e);
        } finally {
            process.destroyForcibly();
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
