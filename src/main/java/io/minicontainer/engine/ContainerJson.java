package io.minicontainer.engine;

import io.minicontainer.runtime.LaunchOptions.LogLimits;
import io.minicontainer.state.ContainerRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The container.json of a new container: docker's inspect shape, so inspect can show it as is. */
final class ContainerJson {
    private ContainerJson() {}

    /** What inspect shows of a new container; {@code networkSettings} only for one on a bridge. */
    record Facts(String id, String name, Instant created, RunRequest request, RootFilesystem root,
            ImageRunConfig.Process process, String hostname, LogLimits log, String logPath,
            List<Map<String, Object>> mounts, Optional<Map<String, Object>> networkSettings) {}

    static ContainerRecord of(Facts facts) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Id", facts.id());
        json.put("Created", facts.created().toString());
        json.put("Path", facts.process().args().getFirst());
        json.put("Args", facts.process().args().subList(1, facts.process().args().size()));
        json.put("Image", facts.root().imageId());
        json.put("Name", facts.name());
        json.put("LogPath", facts.logPath());
        json.put("Config", config(facts));
        json.put("HostConfig", hostConfig(facts));
        json.put("Mounts", facts.mounts());
        facts.networkSettings().ifPresent(settings -> json.put("NetworkSettings", settings));
        return new ContainerRecord(json);
    }

    private static Map<String, Object> config(Facts facts) {
        RunRequest request = facts.request();
        var image = facts.root().config();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("Hostname", facts.hostname());
        config.put("User", request.user().orElse(image.user() == null ? "" : image.user()));
        config.put("AttachStdin", request.interactive() && !request.detach());
        config.put("AttachStdout", !request.detach());
        config.put("AttachStderr", !request.detach());
        config.put("Tty", request.tty());
        config.put("OpenStdin", request.interactive());
        config.put("StdinOnce", request.interactive() && !request.detach());
        config.put("Env", facts.process().env());
        config.put("Cmd", request.command().isEmpty() && request.entrypoint().isEmpty() ? image.cmd() : request.command());
        config.put("Image", facts.root().imageName());
        config.put("WorkingDir", facts.process().cwd());
        config.put("Entrypoint", request.entrypoint()
                .map(e -> e.isEmpty() ? null : List.of(e)).orElse(image.entrypoint()));
        config.put("Labels", labels(image.labels(), request.labels()));
        config.put("StopSignal", image.stopSignal() == null || image.stopSignal().isEmpty() ? "SIGTERM" : image.stopSignal());
        return config;
    }

    private static Map<String, String> labels(Map<String, String> image, List<String> given) {
        Map<String, String> labels = new LinkedHashMap<>(image);
        for (String label : given) {
            int eq = label.indexOf('=');
            labels.put(eq < 0 ? label : label.substring(0, eq), eq < 0 ? "" : label.substring(eq + 1));
        }
        return labels;
    }

    private static Map<String, Object> hostConfig(Facts facts) {
        Map<String, Object> logConfig = new LinkedHashMap<>();
        logConfig.put("Type", "k8s-file");
        Map<String, String> options = new LinkedHashMap<>();
        if (facts.log().maxSize() > 0) {
            options.put("max-size", Long.toString(facts.log().maxSize()));
            options.put("max-file", Integer.toString(facts.log().maxFiles()));
        }
        logConfig.put("Config", options);
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("NetworkMode", facts.request().network().name());
        host.put("AutoRemove", facts.request().remove());
        host.put("LogConfig", logConfig);
        host.putAll(facts.request().resources().hostConfig());
        host.putAll(facts.request().confinement().hostConfig());
        host.putAll(facts.request().security().options().hostConfig());
        List<String> groupAdd = facts.request().identity().groupAdd();
        host.put("GroupAdd", groupAdd.isEmpty() ? null : groupAdd);
        return host;
    }

    /** The record with other resources in its HostConfig (for update); the rest stays as it was. */
    static ContainerRecord withResources(ContainerRecord record, HostResources resources) {
        Map<String, Object> json = new LinkedHashMap<>(record.json());
        Map<String, Object> host = new LinkedHashMap<>();
        if (json.get("HostConfig") instanceof Map<?, ?> old) {
            old.forEach((key, value) -> host.put(String.valueOf(key), value));
        }
        host.putAll(resources.hostConfig());
        json.put("HostConfig", host);
        return new ContainerRecord(json);
    }


    /** The monitor's log limits, back from a record (for start). */
    static LogLimits logLimits(ContainerRecord record) {
        Object host = record.json().get("HostConfig");
        if (host instanceof Map<?, ?> hostMap && hostMap.get("LogConfig") instanceof Map<?, ?> log
                && log.get("Config") instanceof Map<?, ?> options && options.get("max-size") instanceof String size) {
            return new LogLimits(Long.parseLong(size), Integer.parseInt(String.valueOf(options.get("max-file"))));
        }
        return LogLimits.UNLIMITED;
    }
}
