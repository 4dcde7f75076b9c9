package io.minicontainer.state;

import io.minicontainer.json.Json;
import io.minicontainer.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container as created: its {@code container.json}, written once, shaped like docker's inspect
 * output minus the State (which the monitor owns): Id, Name, Created, Path, Args, Image, Config
 * (Image, Cmd, Entrypoint, Env, WorkingDir, Hostname, User, StopSignal), HostConfig, Mounts.
 */
public record ContainerRecord(Map<String, Object> json) {
    public static final String FILE = "container.json";

    public ContainerRecord {
        json = Collections.unmodifiableMap(new LinkedHashMap<>(json)); // JSON nulls stay
    }

    @SuppressWarnings("unchecked")
    static ContainerRecord parse(String text) {
        return new ContainerRecord((Map<String, Object>) Json.parse(text));
    }

    private JsonObject object() {
        return JsonObject.of(json, FILE);
    }

    /** Read straight from the map: run writes a record, and JsonObject's type switches cost ~4 ms to set up. */
    public String id() {
        return (String) json.get("Id");
    }

    public String name() {
        return (String) json.get("Name");
    }

    public Instant created() {
        return Instant.parse(object().string("Created"));
    }

    /** The image as the user named it (or the rootfs directory it runs from). */
    public String image() {
        return object().object("Config").string("Image", "");
    }

    /** The command line as docker's ps shows it: path and args. */
    public List<String> command() {
        List<String> command = new ArrayList<>(List.of(object().string("Path", "")));
        command.addAll(object().strings("Args"));
        return command;
    }

    public String stopSignal() {
        return object().object("Config").string("StopSignal", "SIGTERM");
    }

    /** none, host, bridge or a user network's name: HostConfig.NetworkMode. */
    public String networkMode() {
        return object().object("HostConfig").string("NetworkMode", "none");
    }

    /** The networks the container is on, in order (docker's ps column): its network mode when on no bridge. */
    public List<String> networks() {
        JsonObject settings = object().object("NetworkSettings");
        return settings.has("Networks") ? List.copyOf(settings.object("Networks").keys()) : List.of(networkMode());
    }

    public boolean autoRemove() {
        return object().object("HostConfig").bool("AutoRemove", false);
    }

    /** Started with -i: the container reads stdin (the CLI's when attached, an open pipe when not). */
    public boolean openStdin() {
        return object().object("Config").bool("OpenStdin", false);
    }

    /** Started with -t: a pseudo-terminal is its stdin, stdout and stderr. */
    public boolean tty() {
        return object().object("Config").bool("Tty", false);
    }

    public Map<String, String> labels() {
        JsonObject config = object().object("Config");
        return config.has("Labels") ? config.stringMap("Labels") : Map.of();
    }
}
