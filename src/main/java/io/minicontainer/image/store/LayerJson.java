package io.minicontainer.image.store;

import io.minicontainer.json.Json;
import io.minicontainer.json.JsonObject;
import io.minicontainer.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * layers/CHAINID/layer.json: {@code {"chainId", "diffId", "parent", "size", "compressedBlob"}},
 * {@code parent} and {@code compressedBlob} null when there is none.
 */
final class LayerJson {
    private LayerJson() {}

    static byte[] write(LayerInfo layer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("chainId", layer.chainId().toString());
        json.put("diffId", layer.meta().diffId().toString());
        json.put("parent", textOrNull(layer.meta().parentChainId()));
        json.put("size", layer.size());
        json.put("compressedBlob", textOrNull(layer.meta().compressedBlob()));
        return (Json.writePretty(json) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static LayerInfo read(byte[] document, String source) {
        JsonObject json = JsonObject.of(Json.parse(new String(document, StandardCharsets.UTF_8)), source);
        LayerMeta meta = new LayerMeta(IndexJson.digest(json, "diffId"), IndexJson.optionalDigest(json, "parent"),
                IndexJson.optionalDigest(json, "compressedBlob"));
        return new LayerInfo(IndexJson.digest(json, "chainId"), meta, json.number("size", 0));
    }

    private static String textOrNull(Digest digest) {
        return digest == null ? null : digest.toString();
    }
}
