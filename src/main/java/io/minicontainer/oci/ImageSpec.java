package io.minicontainer.oci;

import java.util.List;
import java.util.Map;

/**
 * The OCI image-spec documents (also Docker schema 2, which has the same shape): descriptors,
 * manifests, indexes and the image config. Records only; {@link ImageJson} reads and writes them.
 * The exact bytes of a manifest or config are what its digest covers: keep them, never re-serialize
 * a parsed document to store it.
 */
public final class ImageSpec {
    private ImageSpec() {}

    /** {@code variant} is empty when the platform has none. */
    public record Platform(String os, String architecture, String variant) {
        @Override
        public String toString() {
            return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
        }
    }

    /** A pointer to content; {@code platform} is null outside indexes. */
    public record Descriptor(String mediaType, Digest digest, long size, Platform platform,
            Map<String, String> annotations) {
        public Descriptor {
            annotations = Map.copyOf(annotations);
        }

        public Descriptor(String mediaType, Digest digest, long size) {
            this(mediaType, digest, size, null, Map.of());
        }
    }

    public record Manifest(String mediaType, Descriptor config, List<Descriptor> layers) {
        public Manifest {
            layers = List.copyOf(layers);
        }
    }

    public record Index(String mediaType, List<Descriptor> manifests) {
        public Index {
            manifests = List.copyOf(manifests);
        }
    }

    /**
     * The image config's {@code config} object. {@code entrypoint} and {@code cmd} are null when
     * the image does not set them, which docker treats differently from an empty list.
     */
    public record RunConfig(String user, List<String> env, List<String> entrypoint, List<String> cmd,
            String workingDir, List<String> exposedPorts, Map<String, String> labels, String stopSignal) {
        public RunConfig {
            env = List.copyOf(env);
            exposedPorts = List.copyOf(exposedPorts);
            labels = Map.copyOf(labels);
        }

        public static RunConfig empty() {
            return new RunConfig("", List.of(), null, null, "", List.of(), Map.of(), "");
        }
    }

    /** The image config: {@code diffIds} are the digests of the uncompressed layer tars, in order. */
    public record Config(String created, String os, String architecture, String variant, RunConfig config,
            List<Digest> diffIds) {
        public Config {
            diffIds = List.copyOf(diffIds);
        }

        public Platform platform() {
            return new Platform(os, architecture, variant);
        }
    }
}
