package io.minicontainer.it.registry;

import io.minicontainer.oci.Digest;

/** A stored blob as a descriptor names it. */
public record Blob(String mediaType, Digest digest, long size) {}
