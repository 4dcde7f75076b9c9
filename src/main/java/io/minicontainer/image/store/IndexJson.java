package io.minicontainer.image.store;

import io.minicontainer.json.Json;
import io.minicontainer.json.JsonException;
import io.minicontainer.json.JsonObject;
import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageSpec.Platform;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * images.json: {@code {"version": 1, "images": [record...]}}, each record's fields under their
 * {@link ImageRecord} names, digests as {@code sha256:<hex>} text.
 */
final class IndexJson {
    static final String SOURCE = "images.json";
    private static final int VERSION = 1;

    private IndexJson() {}

    static ImageTable read(byte[] document) {
        JsonObject json = JsonObject.of(Json.parse(new String(document, StandardCharsets.UTF_8)), SOURCE);
        long version = json.number("version", VERSION);
        if (version != VERSION) {
            throw new JsonException(json.pathOf("version") + ": unsupported version " + version);
        }
        return new ImageTable(json.objects("images").stream().map(IndexJson::record).toList());
    }

    static byte[] write(ImageTable table) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", VERSION);
        json.put("images", table.records().stream().map(IndexJson::recordJson).toList());
        return (Json.writePretty(json) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static ImageRecord record(JsonObject json) {
        JsonObject platform = json.object("platform");
        return new ImageRecord(digest(json, "id"), digest(json, "manifestDigest"), json.string("manifestMediaType"),
                digests(json, "layerChainIds"), digests(json, "layerBlobs"),
                new Platform(platform.string("os", ""), platform.string("architecture", ""),
                        platform.string("variant", "")),
                json.string("created", ""), json.number("size", 0), json.strings("repoTags"),
                json.strings("repoDigests"));
    }

    private static Map<String, Object> recordJson(ImageRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", record.id().toString());
        json.put("manifestDigest", record.manifestDigest().toString());
        json.put("manifestMediaType", record.manifestMediaType());
        json.put("layerChainIds", texts(record.layerChainIds()));
        json.put("layerBlobs", texts(record.layerBlobs()));
        Map<String, Object> platform = new LinkedHashMap<>();
        platform.put("os", record.platform().os());
        platform.put("architecture", record.platform().architecture());
        platform.put("variant", record.platform().variant());
        json.put("platform", platform);
        json.put("created", record.created());
        json.put("size", record.size());
        json.put("repoTags", record.repoTags());
        json.put("repoDigests", record.repoDigests());
        return json;
    }

    static Digest digest(JsonObject json, String key) {
        return parseDigest(json.string(key), json.pathOf(key));
    }

    /** An optional digest: null when missing or JSON null. */
    static Digest optionalDigest(JsonObject json, String key) {
        return json.has(key) ? digest(json, key) : null;
    }

    private static List<Digest> digests(JsonObject json, String key) {
        List<String> texts = json.strings(key);
        List<Digest> digests = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            digests.add(parseDigest(texts.get(i), json.pathOf(key) + "[" + i + "]"));
        }
        return digests;
    }

    private static Digest parseDigest(String text, String where) {
        try {
            return Digest.parse(text);
        } catch (IllegalArgumentException e) {
            throw new JsonException(where + ": " + e.getMessage());
        }
    }

    private static List<String> texts(List<Digest> digests) {
        return digests.stream().map(Digest::toString).toList();
    }
}
