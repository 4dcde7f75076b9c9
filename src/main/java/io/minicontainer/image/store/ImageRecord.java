package io.minicontainer.image.store;

import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageSpec.Platform;
import java.util.List;
import java.util.Objects;

/**
 * One image in the index.
 *
 * @param id             the config blob's digest: docker's IMAGE ID
 * @param layerChainIds  the chain id of every layer, bottom first (each layer's dir under layers/)
 * @param layerBlobs     the compressed blobs the layers came from, bottom first (empty if not kept)
 * @param created        the config's RFC 3339 creation time, "" when it has none
 * @param size           bytes of all layer diffs, docker's SIZE
 * @param repoTags       fully qualified tagged references, e.g. {@code docker.io/library/busybox:latest}
 * @param repoDigests    fully qualified digest references, e.g. {@code docker.io/library/busybox@sha256:...}
 */
public record ImageRecord(Digest id, Digest manifestDigest, String manifestMediaType, List<Digest> layerChainIds,
        List<Digest> layerBlobs, Platform platform, String created, long size, List<String> repoTags,
        List<String> repoDigests) {
    public ImageRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(manifestMediaType, "manifestMediaType");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(created, "created");
        layerChainIds = List.copyOf(layerChainIds);
        layerBlobs = List.copyOf(layerBlobs);
        repoTags = List.copyOf(repoTags);
        repoDigests = List.copyOf(repoDigests);
    }

    public ImageRecord withRepoTags(List<String> tags) {
        return new ImageRecord(id, manifestDigest, manifestMediaType, layerChainIds, layerBlobs, platform, created,
                size, tags, repoDigests);
    }

    public ImageRecord withRepoDigests(List<String> digests) {
        return new ImageRecord(id, manifestDigest, manifestMediaType, layerChainIds, layerBlobs, platform, created,
                size, repoTags, digests);
    }

    /** True when no tag and no digest reference names it: {@code docker rmi} of its last name removes it. */
    public boolean isUnreferenced() {
        return repoTags.isEmpty() && repoDigests.isEmpty();
    }
}
