package io.minicontainer.it.registry;

import io.minicontainer.oci.Digest;
import java.util.List;

/** A multi-platform index (or Docker manifest list) as pushed, with the images it lists. */
public record PushedIndex(String reference, String repository, BuiltIndex index) {
    public Digest digest() {
        return index.digest();
    }

    public String mediaType() {
        return index.mediaType();
    }

    /** The listed images, in index order, each addressed by digest. */
    public List<PushedImage> images() {
        String host = reference.substring(0, reference.indexOf('/'));
        return index.images().stream()
                .map(image -> new PushedImage(host + "/" + repository + "@" + image.digest(), repository, image)).toList();
    }

    /** The image for {@code platform}, e.g. {@link Platform#host()}. */
    public PushedImage image(Platform platform) {
        return images().stream().filter(image -> image.image().platform().equals(platform)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no image for " + platform + " in " + reference));
    }
}
