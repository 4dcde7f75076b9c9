package io.minicontainer.image.archive;

import io.minicontainer.image.ImageReference;
import io.minicontainer.json.Json;
import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageSpec.Platform;
import io.minicontainer.oci.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The OCI side of an archive: {@code oci-layout}, and {@code index.json} with the names docker 25+
 * gives its entries: {@code io.containerd.image.name} (the full name) and
 * {@code org.opencontainers.image.ref.name} (the tag, or for other tools sometimes a full name).
 */
final class OciIndexJson {
    static final String FILE = "index.json";
    static final String LAYOUT_FILE = "oci-layout";
    static final byte[] LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);
    static final String IMAGE_NAME = "io.containerd.image.name";
    static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

    /** One manifest in index.json; {@code name} is null for an image saved without a tag. */
    record Entry(String mediaType, Digest digest, long size, Platform platform, ImageReference name) {}

    private OciIndexJson() {}

    /** Written in the member order docker's Go structs give, so the bytes are as stable as docker's. */
    static byte[] write(List<Entry> entries) {
        List<Object> manifests = new ArrayList<>();
        for (Entry entry : entries) {
            Map<String, Object> descriptor = new LinkedHashMap<>();
            descriptor.put("mediaType", entry.mediaType());
            descriptor.put("digest", entry.digest().toString());
            descriptor.put("size", entry.size());
            if (entry.name() != null) {
                Map<String, Object> annotations = new LinkedHashMap<>();
                annotations.put(IMAGE_NAME, entry.name().toString());
                annotations.put(REF_NAME, entry.name().tag());
                descriptor.put("annotations", annotations);
            }
            descriptor.put("platform", platform(entry.platform()));
            manifests.add(descriptor);
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        index.put("manifests", manifests);
        return Json.write(index).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> platform(Platform platform) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("architecture", platform.architecture());
        json.put("os", platform.os());
        if (!platform.variant().isEmpty()) {
            json.put("variant", platform.variant());
        }
        return json;
    }

    /**
     * The tagged name an index entry gives its image: the full name containerd and docker write, else
     * a ref.name that is a whole reference (podman writes those). A ref.name that is only a tag
     * ({@code latest}, as skopeo's {@code oci-archive:FILE:latest} writes) names no repository, so
     * the image stays untagged; so does one that names only a digest or cannot be parsed.
     */
    static Optional<ImageReference> nameOf(Map<String, String> annotations) {
        Optional<ImageReference> full = tagged(annotations.get(IMAGE_NAME));
        if (full.isPresent()) {
            return full;
        }
        String refName = annotations.get(REF_NAME);
        return refName == null || TAG.matcher(refName).matches() ? Optional.empty() : tagged(refName);
    }

    private static Optional<ImageReference> tagged(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            ImageReference reference = ImageReference.parse(text);
            return reference.tag().isEmpty() ? Optional.empty() : Optional.of(reference.withTag(reference.tag()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
