package io.minicontainer.image.registry;

import io.minicontainer.oci.Digest;

/**
 * A manifest or index exactly as the registry sent it: {@code digest} covers these bytes, so they
 * are what to store (never a re-serialized parse). Do not modify the array.
 *
 * @param mediaType from Content-Type, else the document's {@code mediaType}
 */
public record FetchedManifest(byte[] bytes, String mediaType, Digest digest) {}
