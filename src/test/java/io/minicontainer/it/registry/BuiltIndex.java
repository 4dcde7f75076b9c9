package io.minicontainer.it.registry;

import io.minicontainer.oci.Digest;
import java.util.List;

/** An OCI index or Docker manifest list written to an {@link OciLayout}, with the images it lists, in order. */
public record BuiltIndex(Blob index, byte[] indexBytes, List<BuiltImage> images) {
    public BuiltIndex {
        images = List.copyOf(images);
    }

    public Digest digest() {
        return index.digest();
    }

    public String mediaType() {
        return index.mediaType();
    }

    /** The image for {@code platform}; {@link Platform#UNKNOWN} finds the attestation manifest. */
    public BuiltImage image(Platform platform) {
        return images.stream().filter(image -> image.platform().equals(platform)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no image for " + platform + " in this index"));
    }
}
