package io.minicontainer.engine.volume;

import io.minicontainer.json.Json;
import io.minicontainer.json.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A local volume as docker's {@code volume inspect} shows it; its volume.json holds exactly that
 * document. The data lives in {@code mountpoint} (ROOT/volumes/NAME/_data).
 */
public record Volume(String name, String createdAt, Map<String, String> labels, Map<String, String> options,
        Path mountpoint) {

    /** docker's label of volumes created for a {@code -v /path} without a name; {@code rm -v} removes them. */
    public static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";

    public Volume {
        labels = Map.copyOf(labels);
        options = Map.copyOf(options);
    }

    public boolean anonymous() {
        return labels.containsKey(ANONYMOUS_LABEL);
    }

    /** docker's document, field for field; empty label and option maps are null, as docker prints them. */
    public Map<String, Object> inspect() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("CreatedAt", createdAt);
        json.put("Driver", "local");
        json.put("Labels", labels.isEmpty() ? null : new TreeMap<>(labels));
        json.put("Mountpoint", mountpoint.toString());
        json.put("Name", name);
        json.put("Options", options.isEmpty() ? null : new TreeMap<>(options));
        json.put("Scope", "local");
        return json;
    }

    String toJson() {
        return Json.writePretty(inspect()) + "\n";
    }

    /** Reads volume.json; the name and data directory are where the store found it, whatever the file says. */
    static Volume fromJson(String text, String name, Path mountpoint) {
        JsonObject json = JsonObject.of(Json.parse(text), "volume.json");
        return new Volume(name, json.string("CreatedAt", ""), json.stringMap("Labels"), json.stringMap("Options"),
                mountpoint);
    }
}
