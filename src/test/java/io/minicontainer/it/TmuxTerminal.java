package io.minicontainer.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A terminal a person sits at: a shell in a tmux window of its own server (-L), typed into with
 * send-keys and read off the screen with capture-pane. {@code mc} in that shell is the CLI against
 * the test's data root. Closing kills the server, and with it whatever still runs in the window.
 */
final class TmuxTerminal implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 30;

    private final String server = "mc-tty-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private final Path socket;

    /** A shell in a width x height window, with {@code mc} on its PATH: the CLI with {@code env}. */
    TmuxTerminal(Path dir, Path root, Map<String, String> env, int width, int height) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("tmux-bin"));
        // as Cli does: no network unless a test asks, the default bridge being the host's
        StringBuilder script = new StringBuilder("#!/bin/sh\nexec env MINICONTAINER_NETWORK=none");
        env.forEach((key, value) -> script.append(' ').append(key).append('=').append(value));
        Cli.command(root).forEach(arg -> script.append(' ').append(arg));
        script.append(" \"$@\"\n");
        Files.writeString(bin.resolve("mc"), script);
        Files.setPosixFilePermissions(bin.resolve("mc"), PosixFilePermissions.fromString("rwxr-xr-x"));
        tmux("-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", Integer.toString(width), "-y",
                Integer.toString(height), "exec env PATH=" + bin + ":" + System.getenv("PATH") + " sh");
        socket = Path.of(tmux("display-message", "-p", "#{socket_path}").strip());
        awaitLine(line -> line.startsWith("$") || line.startsWith("#"));
    }

    /** The TERM its windows have, which a container's terminal should get. */
    String term() {
        return tmux("show-options", "-gv", "default-terminal").strip();
    }

    /** What the window's shell runs in the foreground now, if anything: the CLI. */
    Optional<ProcessHandle> foreground() {
        long shell = Long.parseLong(tmux("list-panes", "-t", "main", "-F", "#{pane_pid}").strip());
        return ProcessHandle.of(shell).flatMap(handle -> handle.children().findFirst());
    }

    /** Types a line and presses Enter. */
    void enter(String line) {
        tmux("send-keys", "-t", "main", "-l", line);
        tmux("send-keys", "-t", "main", "Enter");
    }

    /** Presses keys by tmux's names: C-c, C-p, Enter. */
    void keys(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "main"));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    void resize(int width, int height) {
        tmux("resize-window", "-t", "main", "-x", Integer.toString(width), "-y", Integer.toString(height));
    }

    List<String> screen() {
        return tmux("capture-pane", "-p", "-t", "main").lines().map(String::stripTrailing).toList();
    }

    /** Waits until a line of the screen is exactly {@code expected}. */
    void awaitLine(String expected) {
        awaitLine(expected::equals, expected);
    }

    /** Waits until a line ends with {@code text}: what follows a prompt without a newline. */
    void awaitEnding(String text) {
        awaitLine(line -> line.endsWith(text), text);
    }

    void awaitLine(Predicate<String> matching) {
        awaitLine(matching, "the expected line");
    }

    private void awaitLine(Predicate<String> matching, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (screen().stream().anyMatch(matching)) {
                return;
            }
            pause(100);
        }
        throw new AssertionError("the screen never showed " + what + ":\n" + String.join("\n", screen()));
    }

    /** How many lines of the screen are exactly {@code line}. */
    long count(String line) {
        return screen().stream().filter(line::equals).count();
    }

    /** The server and the socket file it leaves behind. */
    @Override
    public void close() throws IOException {
        tmux("kill-server");
        Files.deleteIfExists(socket);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private String tmux(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", server));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
