package io.minicontainer.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The times of {@code docker ps}: the STATUS column ({@code Up 3 seconds}, {@code Exited (0) 2 minutes ago}),
 * the CREATED column ({@code 2 minutes ago}) and {@code {{.CreatedAt}}}. {@code now} is a parameter so callers
 * read the clock once and tests stay deterministic.
 */
final class DockerTimes {
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z z", Locale.US);

    private DockerTimes() {}

    /** The CREATED column: {@code "2 minutes ago"}, {@code "Less than a second ago"}. */
    static String ago(Instant then, Instant now) {
        return HumanUnits.duration(Duration.between(then, now)) + " ago";
    }

    /** STATUS without a health check; see {@link #status(String, Instant, Instant, int, String, Instant)}. */
    static String status(String state, Instant startedAt, Instant finishedAt, int exitCode, Instant now) {
        return status(state, startedAt, finishedAt, exitCode, null, now);
    }

    /**
     * The STATUS column as docker's daemon words it.
     *
     * @param state      docker's state: created, running, paused, restarting, removing, exited or dead
     * @param startedAt  null if the container never started
     * @param finishedAt null if it never stopped
     * @param health     healthy, unhealthy or starting; null (or none) without a health check
     * @return {@code Up 2 minutes}, {@code Up 2 minutes (Paused)}, {@code Up 5 seconds (healthy)},
     *         {@code Restarting (1) 3 seconds ago}, {@code Removal In Progress}, {@code Dead}, {@code Created},
     *         {@code Exited (137) 2 hours ago}, or {@code ""} for a stopped container without a finish time
     */
    static String status(String state, Instant startedAt, Instant finishedAt, int exitCode, String health, Instant now) {
        boolean running = state.equals("running") || state.equals("paused") || state.equals("restarting");
        if (running) {
            if (state.equals("paused")) {
                return "Up " + since(startedAt, now) + " (Paused)";
            }
            if (state.equals("restarting")) {
                return "Restarting (" + exitCode + ") " + since(finishedAt, now) + " ago";
            }
            if (health != null && !health.isEmpty() && !health.equals("none")) {
                return "Up " + since(startedAt, now) + " (" + (health.equals("starting") ? "health: starting" : health) + ")";
            }
            return "Up " + since(startedAt, now);
        }
        if (state.equals("removing")) {
            return "Removal In Progress";
        }
        if (state.equals("dead")) {
            return "Dead";
        }
        if (startedAt == null) {
            return "Created";
        }
        if (finishedAt == null) {
            return "";
        }
        return "Exited (" + exitCode + ") " + since(finishedAt, now) + " ago";
    }

    /** {@code {{.CreatedAt}}} of docker ps: Go's time format to the second, {@code 2024-05-01 12:00:00 +0200 CEST}. */
    static String createdAt(Instant created, ZoneId zone) {
        ZoneId named = zone.equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
        return CREATED_AT.format(created.truncatedTo(ChronoUnit.SECONDS).atZone(named));
    }

    /** Like docker, a missing time counts from the zero time, so it reads as years. */
    private static String since(Instant time, Instant now) {
        return HumanUnits.duration(Duration.between(time == null ? Instant.parse("0001-01-01T00:00:00Z") : time, now));
    }
}
