package io.minicontainer.it.registry;

import io.minicontainer.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** An image written to an {@link OciLayout}: its exact manifest and config bytes, its layers, its platform. */
public record BuiltImage(Blob manifest, byte[] manifestBytes, Blob config, byte[] configBytes, List<Layer> layers,
        Platform platform) {
    public BuiltImage {
        layers = List.copyOf(layers);
    }

    public Digest digest() {
        return manifest.digest();
    }

    public String mediaType() {
        return manifest.mediaType();
    }

    public List<Digest> layerDigests() {
        return layers.stream().map(Layer::digest).toList();
    }

    public List<Digest> diffIds() {
        return layers.stream().map(Layer::diffId).toList();
    }

    public String configJson() {
        return new String(configBytes, StandardCharsets.UTF_8);
    }
}
