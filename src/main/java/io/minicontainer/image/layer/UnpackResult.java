package io.minicontainer.image.layer;

import io.minicontainer.oci.Digest;

/**
 * What unpacking a layer found out.
 *
 * @param diffId  the sha256 of the uncompressed tar, as the image config's rootfs.diff_ids list it
 * @param tarSize the length of the uncompressed tar in bytes
 */
public record UnpackResult(Digest diffId, long tarSize) {}
