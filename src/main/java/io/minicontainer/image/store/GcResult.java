package io.minicontainer.image.store;

/** What {@link ImageStore#collectGarbage()} removed; {@code bytesFreed} counts blobs and layer diffs. */
public record GcResult(int blobsRemoved, int layersRemoved, int tempsRemoved, long bytesFreed) {}
