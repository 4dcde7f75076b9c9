package io.minicontainer.image.archive;

import io.minicontainer.image.ImageReference;
import io.minicontainer.image.layer.Compression;
import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageSpec.Config;
import java.util.List;

/**
 * An image found in an archive, checked as far as it can be without unpacking: its manifest (kept
 * from the archive, or made for a docker-archive, which has none), its config, and each layer's
 * file, whose diffID is still to be verified.
 *
 * @param tags the names to give it; empty for an untagged image
 */
record ArchivedImage(byte[] manifest, String manifestMediaType, byte[] configBytes, Config config,
        List<Layer> layers, List<ImageReference> tags) {
    ArchivedImage {
        layers = List.copyOf(layers);
        tags = List.copyOf(tags);
    }

    /** A layer's file in the archive: its bytes are the blob the store keeps, its tar the diffID. */
    record Layer(SpooledFile file, Compression compression, Digest diffId) {
        Digest digest() {
            return file.digest();
        }
    }

    Digest configDigest() {
        return Digest.of(configBytes);
    }

    /** The same image under more names. */
    ArchivedImage withTags(List<ImageReference> more) {
        List<ImageReference> all = new java.util.ArrayList<>(tags);
        more.stream().filter(tag -> !all.contains(tag)).forEach(all::add);
        return new ArchivedImage(manifest, manifestMediaType, configBytes, config, layers, all);
    }
}
