package io.minicontainer.image.store;

import io.minicontainer.oci.Digest;

/** A stored layer, as its layer.json describes it; {@code size} is the bytes of its diff directory. */
public record LayerInfo(Digest chainId, LayerMeta meta, long size) {}
