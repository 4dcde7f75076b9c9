package io.minicontainer.state;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A container with its state as of now: its record, and what its monitor last wrote, checked
 * against the processes that really exist. A monitor that vanished without writing its exit (killed,
 * or a reboot) took the container with it (PR_SET_PDEATHSIG=SIGKILL): that reads as exited, 137.
 */
public record Container(Path dir, ContainerRecord record, Optional<RuntimeStatus> runtime, Status status) {
    /** What a container killed together with its monitor exits with: 128 + SIGKILL. */
    public static final int LOST_EXIT_CODE = 137;

    public enum Status {
        CREATED, RUNNING, EXITED;

        /** docker's lower-case word, as in inspect's State.Status and ps's filter. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public String id() {
        return record.id();
    }

    public String name() {
        return record.name();
    }

    /** With its status as of now: the monitor's identity is checked against /proc once, here. */
    public static Container of(Path dir, ContainerRecord record, Optional<RuntimeStatus> runtime) {
        Status status = runtime.isEmpty() ? Status.CREATED
                : runtime.get().exited() || !runtime.get().monitor().alive() ? Status.EXITED : Status.RUNNING;
        return new Container(dir, record, runtime, status);
    }

    public boolean running() {
        return status() == Status.RUNNING;
    }

    /** The monitor died without recording the end: the container died with it. */
    public boolean lost() {
        return runtime.isPresent() && !runtime.get().exited() && status() == Status.EXITED;
    }

    public int exitCode() {
        if (runtime.isEmpty()) {
            return 0;
        }
        return lost() ? LOST_EXIT_CODE : runtime.get().exitCode();
    }

    public Optional<Instant> startedAt() {
        return runtime.flatMap(RuntimeStatus::startedAt);
    }

    public Optional<Instant> finishedAt() {
        return runtime.flatMap(RuntimeStatus::finishedAt);
    }

    /** The container's pid 1 as the host sees it, while it runs. */
    public Optional<ProcessIdentity> process() {
        return running() ? runtime.map(RuntimeStatus::container) : Optional.empty();
    }

    public Optional<ProcessIdentity> monitor() {
        return running() ? runtime.map(RuntimeStatus::monitor) : Optional.empty();
    }

    public Path config() {
        return dir.resolve("config.json");
    }
}
