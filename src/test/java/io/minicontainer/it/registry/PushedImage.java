package io.minicontainer.it.registry;

import io.minicontainer.oci.Digest;
import java.util.List;

/**
 * An image as pushed to a registry: {@code reference} is {@code HOST/REPOSITORY:TAG}, or
 * {@code HOST/REPOSITORY@DIGEST} for an image that is reachable only through an index.
 */
public record PushedImage(String reference, String repository, BuiltImage image) {
    public Digest manifestDigest() {
        return image.digest();
    }

    public String manifestMediaType() {
        return image.mediaType();
    }

    public Digest configDigest() {
        return image.config().digest();
    }

    public List<Digest> layerDigests() {
        return image.layerDigests();
    }

    public List<Digest> diffIds() {
        return image.diffIds();
    }

    /** {@code HOST/REPOSITORY@sha256:...}. */
    public String referenceByDigest() {
        return reference.substring(0, reference.indexOf('/') + 1) + repository + "@" + manifestDigest();
    }
}
