package io.minicontainer.image.store;

import io.minicontainer.oci.Digest;
import java.io.IOException;
import java.nio.file.Path;

/** Fills a layer's diff directory, typically by unpacking its tar (the unpacker hashes the tar as it reads it). */
@FunctionalInterface
public interface LayerWriter {
    /**
     * Writes the layer's files into {@code emptyDir}, a fresh directory in the store's tmp/, and returns
     * the diffID: the sha256 of the uncompressed tar it unpacked. Throwing discards everything written.
     */
    Digest write(Path emptyDir) throws IOException;
}
