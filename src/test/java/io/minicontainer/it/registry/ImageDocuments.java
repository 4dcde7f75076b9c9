package io.minicontainer.it.registry;

import io.minicontainer.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Image config, manifest and index JSON with a fixed member order, so the same input always gives
 * the same bytes and digests. Written by hand rather than by production code: the test images are
 * an independent reference for the engine's reader.
 */
final class ImageDocuments {
    static final String CREATED = TarBuilder.MTIME.toString();

    private ImageDocuments() {}

    /** {@code history} has one {@code created_by} per layer. */
    static byte[] config(Platform platform, RunSettings run, List<Layer> layers, List<String> history) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("created", CREATED);
        config.put("architecture", platform.architecture());
        if (!platform.variant().isEmpty()) {
            config.put("variant", platform.variant());
        }
        config.put("os", platform.os());
        config.put("config", runConfig(run));
        config.put("rootfs", ordered("type", "layers",
                "diff_ids", layers.stream().map(layer -> layer.diffId().toString()).toList()));
        config.put("history", history.stream().map(step -> ordered("created", CREATED, "created_by", step)).toList());
        return bytes(config);
    }

    private static Map<String, Object> runConfig(RunSettings run) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (!run.user().isEmpty()) {
            json.put("User", run.user());
        }
        if (!run.env().isEmpty()) {
            json.put("Env", run.env());
        }
        if (run.entrypoint() != null) {
            json.put("Entrypoint", run.entrypoint());
        }
        if (run.cmd() != null) {
            json.put("Cmd", run.cmd());
        }
        if (!run.workingDir().isEmpty()) {
            json.put("WorkingDir", run.workingDir());
        }
        return json;
    }

    static byte[] manifest(String mediaType, Blob config, List<Blob> layers) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", mediaType);
        manifest.put("config", descriptor(config));
        manifest.put("layers", layers.stream().map(ImageDocuments::descriptor).toList());
        return bytes(manifest);
    }

    static byte[] index(String mediaType, List<Map<String, Object>> manifests) {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", mediaType);
        index.put("manifests", manifests);
        return bytes(index);
    }

    static Map<String, Object> descriptor(Blob blob) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mediaType", blob.mediaType());
        json.put("digest", blob.digest().toString());
        json.put("size", blob.size());
        return json;
    }

    /** An index entry: a manifest for {@code platform}, with annotations when there are any. */
    static Map<String, Object> descriptor(Blob manifest, Platform platform, Map<String, String> annotations) {
        Map<String, Object> json = descriptor(manifest);
        Map<String, Object> platformJson = new LinkedHashMap<>();
        platformJson.put("architecture", platform.architecture());
        platformJson.put("os", platform.os());
        if (!platform.variant().isEmpty()) {
            platformJson.put("variant", platform.variant());
        }
        json.put("platform", platformJson);
        if (!annotations.isEmpty()) {
            json.put("annotations", new TreeMap<>(annotations));
        }
        return json;
    }

    /** A JSON object in the order given: Map.of's order changes from one JVM to the next. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            json.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return json;
    }

    private static byte[] bytes(Map<String, Object> json) {
        return Json.write(json).getBytes(StandardCharsets.UTF_8);
    }
}
