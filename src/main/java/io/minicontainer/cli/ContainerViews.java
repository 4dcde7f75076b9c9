package io.minicontainer.cli;

import io.minicontainer.engine.PortPublisher;
import io.minicontainer.network.PublishedPort;
import io.minicontainer.state.Container;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A container as docker shows it: a row of {@code ps}, a document of {@code inspect}. */
final class ContainerViews {
    /** docker's zero time, for a container that never started or never finished. */
    static final String ZERO_TIME = "0001-01-01T00:00:00Z";
    private static final int SHORT_ID = 12;
    private static final int SHORT_COMMAND = 20;

    private ContainerViews() {}

    /** The fields of docker's ps --format: ID, Image, Command, CreatedAt, RunningFor, Status... */
    static Map<String, Object> psRow(Container container, boolean paused, boolean truncate, Instant now) {
        String state = state(container, paused);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", truncate ? container.id().substring(0, SHORT_ID) : container.id());
        row.put("Image", container.record().image());
        row.put("Command", "\"" + command(container, truncate) + "\"");
        row.put("CreatedAt", DockerTimes.createdAt(container.record().created(), java.time.ZoneId.systemDefault()));
        row.put("RunningFor", DockerTimes.ago(container.record().created(), now));
        row.put("Ports", PortPublisher.recorded(container).stream().map(PublishedPort::describe)
                .collect(Collectors.joining(", ")));
        row.put("State", state);
        row.put("Status", DockerTimes.status(state, container.startedAt().orElse(null),
                container.finishedAt().orElse(null), container.exitCode(), now));
        row.put("Size", "");
        row.put("Names", container.name());
        row.put("Labels", container.record().labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",")));
        row.put("Mounts", "");
        row.put("Networks", String.join(",", container.record().networks()));
        return row;
    }

    private static String command(Container container, boolean truncate) {
        String command = String.join(" ", container.record().command());
        if (truncate && command.codePointCount(0, command.length()) > SHORT_COMMAND) {
            int end = command.offsetByCodePoints(0, SHORT_COMMAND - 1);
            return command.substring(0, end) + "…";
        }
        return command;
    }

    /** docker's state word: paused is a running container whose cgroup is frozen. */
    static String state(Container container, boolean paused) {
        return paused ? "paused" : container.status().word();
    }

    /** docker's inspect document: the record, with the State the monitor and the kernel say. */
    static Map<String, Object> inspect(Container container, boolean paused) {
        Map<String, Object> json = new LinkedHashMap<>();
        container.record().json().forEach((key, value) -> {
            json.put(key, key.equals("Name") ? "/" + value : value);
            if (key.equals("Args")) {
                json.put("State", stateDocument(container, paused));
            }
        });
        json.put("RestartCount", 0);
        json.put("Driver", "overlay");
        json.put("Platform", "linux");
        json.put("ResolvConfPath", container.dir().resolve("resolv.conf").toString());
        json.put("HostnamePath", container.dir().resolve("hostname").toString());
        json.put("HostsPath", container.dir().resolve("hosts").toString());
        json.put("GraphDriver", Map.of("Name", "overlay", "Data", Map.of(
                "UpperDir", container.dir().resolve("upper").toString(),
                "WorkDir", container.dir().resolve("work").toString(),
                "MergedDir", container.dir().resolve("rootfs").toString())));
        json.putIfAbsent("NetworkSettings", networkSettings(container)); // a bridge container's is in its record
        return json;
    }

    private static Map<String, Object> stateDocument(Container container, boolean paused) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("Status", state(container, paused));
        state.put("Running", container.running());
        state.put("Paused", paused);
        state.put("Restarting", false);
        state.put("OOMKilled", container.runtime().map(r -> r.oomKilled()).orElse(false));
        state.put("Dead", false);
        state.put("Pid", container.process().map(p -> p.pid()).orElse(0L));
        state.put("ExitCode", container.exitCode());
        state.put("Error", "");
        state.put("StartedAt", container.startedAt().map(Instant::toString).orElse(ZERO_TIME));
        state.put("FinishedAt", container.running() ? ZERO_TIME
                : container.finishedAt().map(Instant::toString).orElse(ZERO_TIME));
        return state;
    }

    private static Map<String, Object> networkSettings(Container container) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("SandboxKey", container.process().map(p -> "/proc/" + p.pid() + "/ns/net").orElse(""));
        settings.put("Ports", Map.of());
        settings.put("IPAddress", "");
        settings.put("Networks", Map.of(container.record().networkMode(), Map.of()));
        return settings;
    }
}
