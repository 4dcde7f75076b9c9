package io.minicontainer.image.registry;

import io.minicontainer.json.Json;
import io.minicontainer.json.JsonException;
import io.minicontainer.json.JsonObject;
import io.minicontainer.oci.Digest;
import io.minicontainer.oci.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Reads a 200 manifest response: bounded size, digest checked, media type found. */
final class ManifestResponse {
    /** As containerd: a manifest is a small document, anything bigger is a broken or hostile registry. */
    static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

    private ManifestResponse() {}

    /**
     * @param pinned  the digest the reference names, or null
     * @param context the reference, for messages
     */
    static FetchedManifest read(HttpResponse<InputStream> response, Digest pinned, String context) throws IOException {
        String where = "manifest of " + context;
        if (response.headers().firstValueAsLong("Content-Length").orElse(0) > MAX_MANIFEST_BYTES) {
            response.body().close();
            throw tooLarge(where);
        }
        byte[] bytes;
        try (InputStream body = response.body()) {
            bytes = body.readNBytes(MAX_MANIFEST_BYTES + 1);
        }
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw tooLarge(where);
        }
        Digest digest = Digest.of(bytes);
        if (pinned != null && !pinned.equals(digest)) {
            throw new RegistryException(where + ": digest mismatch: got " + digest);
        }
        Optional<Digest> announced = announcedDigest(response);
        if (announced.isPresent() && !announced.get().equals(digest)) {
            throw new RegistryException(where + ": digest mismatch: Docker-Content-Digest says " + announced.get()
                    + ", the content is " + digest);
        }
        return new FetchedManifest(bytes, mediaType(response, bytes, where), digest);
    }

    private static RegistryException tooLarge(String where) {
        return new RegistryException(where + ": larger than " + MAX_MANIFEST_BYTES / (1024 * 1024) + " MiB, refused");
    }

    /** The registry's claim, when it is a sha256 (another algorithm cannot be compared, so it is ignored). */
    private static Optional<Digest> announcedDigest(HttpResponse<?> response) {
        return response.headers().firstValue("Docker-Content-Digest").map(String::trim)
                .filter(value -> value.startsWith("sha256:")).map(value -> {
                    try {
                        return Digest.parse(value);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                });
    }

    /**
     * Content-Type when it is a manifest type; otherwise (missing, or a generic application/json) the
     * document's {@code mediaType}, which OCI documents may omit, then the shape: manifests or layers.
     */
    static String mediaType(HttpResponse<?> response, byte[] bytes, String where) throws RegistryException {
        String contentType = response.headers().firstValue("Content-Type")
                .map(value -> value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("");
        if (MediaTypes.MANIFEST_ACCEPT.contains(contentType)) {
            return contentType;
        }
        try {
            JsonObject document = JsonObject.of(Json.parse(new String(bytes, StandardCharsets.UTF_8)), "document");
            String declared = document.string("mediaType", "");
            if (!declared.isEmpty()) {
                return declared;
            }
            if (document.has("manifests")) {
                return MediaTypes.OCI_INDEX;
            }
            return document.has("layers") ? MediaTypes.OCI_MANIFEST : contentType;
        } catch (JsonException e) {
            throw new RegistryException(where + ": invalid JSON: " + e.getMessage());
        }
    }
}
