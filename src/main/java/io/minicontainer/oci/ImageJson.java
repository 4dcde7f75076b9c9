package io.minicontainer.oci;

import io.minicontainer.json.Json;
import io.minicontainer.json.JsonException;
import io.minicontainer.json.JsonObject;
import io.minicontainer.oci.ImageSpec.Config;
import io.minicontainer.oci.ImageSpec.Descriptor;
import io.minicontainer.oci.ImageSpec.Index;
import io.minicontainer.oci.ImageSpec.Manifest;
import io.minicontainer.oci.ImageSpec.Platform;
import io.minicontainer.oci.ImageSpec.RunConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Image-spec JSON to and from {@link ImageSpec} records; errors name the document and field. */
public final class ImageJson {
    private ImageJson() {}

    /** The {@code mediaType} a manifest or index declares, or "" (Docker's lists always declare it). */
    public static String mediaType(byte[] document) {
        return object(document, "manifest").string("mediaType", "");
    }

    public static Manifest manifest(byte[] document) {
        JsonObject json = object(document, "manifest");
        return new Manifest(json.string("mediaType", MediaTypes.OCI_MANIFEST), descriptor(json.object("config")),
                json.objects("layers").stream().map(ImageJson::descriptor).toList());
    }

    public static Index index(byte[] document) {
        JsonObject json = object(document, "index");
        return new Index(json.string("mediaType", MediaTypes.OCI_INDEX),
                json.objects("manifests").stream().map(ImageJson::descriptor).toList());
    }

    public static Config config(byte[] document) {
        JsonObject json = object(document, "image config");
        JsonObject run = json.object("config");
        List<Digest> diffIds = new ArrayList<>();
        for (String id : json.object("rootfs").strings("diff_ids")) {
            diffIds.add(digest(id, json.pathOf("rootfs.diff_ids")));
        }
        return new Config(json.string("created", ""), json.string("os", ""), json.string("architecture", ""),
                json.string("variant", ""),
                new RunConfig(run.string("User", ""), run.strings("Env"), optionalList(run, "Entrypoint"),
                        optionalList(run, "Cmd"), run.string("WorkingDir", ""),
                        List.copyOf(run.object("ExposedPorts").keys()), run.stringMap("Labels"),
                        run.string("StopSignal", "")),
                diffIds);
    }

    private static List<String> optionalList(JsonObject json, String key) {
        return json.has(key) ? json.strings(key) : null;
    }

    static Descriptor descriptor(JsonObject json) {
        JsonObject platform = json.object("platform");
        return new Descriptor(json.string("mediaType", ""), digest(json.string("digest"), json.pathOf("digest")),
                json.number("size", -1),
                json.has("platform") ? new Platform(platform.string("os", ""), platform.string("architecture", ""),
                        platform.string("variant", "")) : null,
                json.stringMap("annotations"));
    }

    private static Digest digest(String text, String where) {
        try {
            return Digest.parse(text);
        } catch (IllegalArgumentException e) {
            throw new JsonException(where + ": " + e.getMessage());
        }
    }

    private static JsonObject object(byte[] document, String what) {
        return JsonObject.of(Json.parse(new String(document, StandardCharsets.UTF_8)), what);
    }

    // Writing: for images MiniContainer makes itself (import, save); pulled documents are kept verbatim.

    public static byte[] write(Manifest manifest) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemaVersion", 2);
        json.put("mediaType", manifest.mediaType());
        json.put("config", descriptorJson(manifest.config()));
        json.put("layers", manifest.layers().stream().map(ImageJson::descriptorJson).toList());
        return bytes(json);
    }

    public static byte[] write(Index index) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemaVersion", 2);
        json.put("mediaType", index.mediaType());
        json.put("manifests", index.manifests().stream().map(ImageJson::descriptorJson).toList());
        return bytes(json);
    }

    public static byte[] write(Config config) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (!config.created().isEmpty()) {
            json.put("created", config.created());
        }
        json.put("architecture", config.architecture());
        if (!config.variant().isEmpty()) {
            json.put("variant", config.variant());
        }
        json.put("os", config.os());
        json.put("config", runConfigJson(config.config()));
        json.put("rootfs", Map.of("type", "layers",
                "diff_ids", config.diffIds().stream().map(Digest::toString).toList()));
        return bytes(json);
    }

    private static Map<String, Object> runConfigJson(RunConfig run) {
        Map<String, Object> json = new LinkedHashMap<>();
        putIfNotEmpty(json, "User", run.user());
        if (!run.env().isEmpty()) {
            json.put("Env", run.env());
        }
        if (run.entrypoint() != null) {
            json.put("Entrypoint", run.entrypoint());
        }
        if (run.cmd() != null) {
            json.put("Cmd", run.cmd());
        }
        putIfNotEmpty(json, "WorkingDir", run.workingDir());
        if (!run.exposedPorts().isEmpty()) {
            Map<String, Object> ports = new LinkedHashMap<>();
            run.exposedPorts().forEach(port -> ports.put(port, Map.of()));
            json.put("ExposedPorts", ports);
        }
        if (!run.labels().isEmpty()) {
            json.put("Labels", run.labels());
        }
        putIfNotEmpty(json, "StopSignal", run.stopSignal());
        return json;
    }

    private static void putIfNotEmpty(Map<String, Object> json, String key, String value) {
        if (!value.isEmpty()) {
            json.put(key, value);
        }
    }

    static Map<String, Object> descriptorJson(Descriptor d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mediaType", d.mediaType());
        json.put("digest", d.digest().toString());
        json.put("size", d.size());
        if (d.platform() != null) {
            Map<String, Object> platform = new LinkedHashMap<>();
            platform.put("architecture", d.platform().architecture());
            platform.put("os", d.platform().os());
            if (!d.platform().variant().isEmpty()) {
                platform.put("variant", d.platform().variant());
            }
            json.put("platform", platform);
        }
        if (!d.annotations().isEmpty()) {
            json.put("annotations", d.annotations());
        }
        return json;
    }

    private static byte[] bytes(Map<String, Object> json) {
        return Json.write(json).getBytes(StandardCharsets.UTF_8);
    }
}
