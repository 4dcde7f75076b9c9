package io.minicontainer.image.store;

import io.minicontainer.oci.Digest;
import java.util.Objects;

/**
 * What the caller knows about a layer before unpacking it.
 *
 * @param parentChainId  the chain id of the layer below, null for the bottom layer
 * @param compressedBlob the blob it was unpacked from, null when that blob is not kept
 */
public record LayerMeta(Digest diffId, Digest parentChainId, Digest compressedBlob) {
    public LayerMeta {
        Objects.requireNonNull(diffId, "diffId");
    }

    /** The chain id this layer gets: see {@link ImageStore#chainId(Digest, Digest)}. */
    public Digest chainId() {
        return ImageStore.chainId(parentChainId, diffId);
    }
}
