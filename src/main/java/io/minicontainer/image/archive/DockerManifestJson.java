package io.minicontainer.image.archive;

import io.minicontainer.json.Json;
import io.minicontainer.json.JsonException;
import io.minicontainer.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * docker-archive's documents: {@code manifest.json}, one entry per image with paths inside the
 * archive, and the legacy {@code repositories} file, which only docker before 1.10 read.
 */
final class DockerManifestJson {
    static final String FILE = "manifest.json";
    static final String REPOSITORIES = "repositories";

    /**
     * One image of manifest.json.
     *
     * @param config   the image config's path in the archive
     * @param repoTags familiar names such as {@code busybox:latest}; empty for an untagged image
     * @param layers   each layer tar's path (plain, gzip or zstd), bottom first
     */
    record Entry(String config, List<String> repoTags, List<String> layers) {
        Entry {
            repoTags = List.copyOf(repoTags);
            layers = List.copyOf(layers);
        }
    }

    private DockerManifestJson() {}

    /** Reads manifest.json; other members (Parent, LayerSources) are not needed to load an image. */
    static List<Entry> parse(byte[] document) {
        Object parsed = Json.parse(new String(document, StandardCharsets.UTF_8));
        if (!(parsed instanceof List<?> items)) {
            throw new JsonException(FILE + ": expected an array");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = JsonObject.of(items.get(i), FILE + "[" + i + "]");
            entries.add(new Entry(item.string("Config"), item.strings("RepoTags"), item.strings("Layers")));
        }
        if (entries.isEmpty()) {
            throw new JsonException(FILE + " lists no image");
        }
        return entries;
    }

    /** As docker writes it: an untagged image's RepoTags is null, and the file ends with a newline. */
    static byte[] write(List<Entry> entries) {
        List<Object> json = new ArrayList<>();
        for (Entry entry : entries) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("Config", entry.config());
            item.put("RepoTags", entry.repoTags().isEmpty() ? null : entry.repoTags());
            item.put("Layers", entry.layers());
            json.add(item);
        }
        return (Json.write(json) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code {"busybox":{"latest":"ID"}}}: familiar repository name → tag → the id of the image's top layer. */
    static byte[] writeRepositories(Map<String, Map<String, String>> repositories) {
        Map<String, Object> sorted = new TreeMap<>();
        repositories.forEach((name, tags) -> sorted.put(name, new TreeMap<>(tags)));
        return (Json.write(sorted) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
