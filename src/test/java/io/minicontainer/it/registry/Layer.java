package io.minicontainer.it.registry;

import io.minicontainer.oci.Digest;

/** A layer blob: {@code digest} and {@code size} of the compressed bytes, {@code diffId} of the tar inside. */
public record Layer(String mediaType, Digest digest, long size, Digest diffId) {
    Blob blob() {
        return new Blob(mediaType, digest, size);
    }
}
