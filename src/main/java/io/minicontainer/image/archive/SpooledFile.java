package io.minicontainer.image.archive;

import io.minicontainer.oci.Digest;
import java.nio.file.Path;

/**
 * A regular file of an archive, copied to scratch space and hashed on the way.
 *
 * @param name   its name in the archive (for messages)
 * @param path   where its bytes are now
 * @param digest the sha256 of those bytes
 */
record SpooledFile(String name, Path path, Digest digest, long size) {}
