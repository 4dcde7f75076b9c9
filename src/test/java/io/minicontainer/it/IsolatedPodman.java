package io.minicontainer.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * podman with storage of its own: {@code --root}, {@code --tmpdir} and TMPDIR under a test's
 * directory, {@code --runroot} in /tmp, the vfs driver (no mounts), no events. As root, podman also
 * writes a blob-info cache to /var/lib/containers/cache, so like {@code Skopeo} every call runs in
 * a private mount namespace with a tmpfs over /var/lib. Deleting the directory removes everything.
 */
final class IsolatedPodman implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 120;

    private final Path dir;
    private final Path runRoot;

    /**
     * Storage under {@code dir}; the run root is a short directory of its own in /tmp, since podman
     * refuses one longer than 50 characters (it holds sockets).
     */
    IsolatedPodman(Path dir) throws IOException {
        this.dir = dir;
        this.runRoot = Files.createTempDirectory(Path.of("/tmp"), "podman-run-");
    }

    /** Why podman cannot be used here, or empty when it can. */
    Optional<String> unavailable() {
        try {
            run("images");
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("podman cannot run here: " + e.getMessage());
        }
    }

    /** Removes the run root; the storage goes with the test's directory. */
    @Override
    public void close() throws IOException {
        try (Stream<Path> paths = Files.walk(runRoot)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Runs a podman command to its end; its combined output is returned, a non-zero exit is an error. */
    String run(String... args) {
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "--", "sh", "-c",
                "mount -t tmpfs -o size=16m,mode=0755 podman-cache /var/lib && exec \"$0\" \"$@\"",
                "podman", "--root", dir.resolve("root").toString(), "--runroot", runRoot.toString(),
                "--tmpdir", dir.resolve("tmp").toString(), "--storage-driver", "vfs", "--events-backend", "none"));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(dir.resolve("tmp"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(new File("/dev/null"));
            builder.environment().put("TMPDIR", dir.resolve("tmp").toString());
            Process process = builder.start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(command + " took more than " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", args) + " exited with " + process.exitValue()
                        + ": " + output.join());
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
