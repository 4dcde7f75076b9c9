package io.minicontainer.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the monitor last wrote to the container's {@code status} file (key=value lines, replaced
 * by rename, so always whole): {@code state=running} with the container's and the monitor's
 * identities, then {@code state=exited} with the exit code. See native/monitor.c.
 */
public record RuntimeStatus(
        boolean exited,
        ProcessIdentity container,
        ProcessIdentity monitor,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        int exitCode,
        boolean oomKilled) {

    static final String FILE = "status";

    /** The status in {@code containerDir}, or empty for a container that never started. */
    public static Optional<RuntimeStatus> read(Path containerDir) {
        try {
            return Optional.of(parse(Files.readString(containerDir.resolve(FILE))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StateException("read " + containerDir.resolve(FILE) + ": " + e.getMessage());
        }
    }

    static RuntimeStatus parse(String text) {
        Map<String, String> values = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        String bootId = values.getOrDefault("boot_id", "");
        return new RuntimeStatus("exited".equals(values.get("state")),
                new ProcessIdentity(number(values, "pid"), number(values, "pid_start"), bootId),
                new ProcessIdentity(number(values, "monitor"), number(values, "monitor_start"), bootId),
                instant(values, "started_at"), instant(values, "finished_at"),
                (int) number(values, "exit_code"), number(values, "oom_killed") == 1);
    }

    private static long number(Map<String, String> values, String key) {
        try {
            return Long.parseLong(values.getOrDefault(key, "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Optional<Instant> instant(Map<String, String> values, String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty()).map(Instant::parse);
    }
}
