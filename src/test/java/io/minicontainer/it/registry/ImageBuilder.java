package io.minicontainer.it.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes layers, config and manifest (or an index of manifests) into an {@link OciLayout}. */
public final class ImageBuilder {
    private ImageBuilder() {}

    /** An image of {@code layers}, each compressed with {@code compression}; {@code history} names each layer. */
    public static BuiltImage image(OciLayout layout, ImageFormat format, Platform platform, RunSettings run,
            Compression compression, List<TarContent> layers, List<String> history) throws IOException {
        List<Layer> written = new ArrayList<>();
        for (TarContent content : layers) {
            written.add(layout.layer(compression.layerMediaType(format), compression, content));
        }
        byte[] config = ImageDocuments.config(platform, run, written, history);
        return assemble(layout, format.manifestMediaType(), layout.blob(format.configMediaType(), config), config,
                written, platform);
    }

    /** A manifest for layers and a config already in the layout. */
    static BuiltImage assemble(OciLayout layout, String manifestMediaType, Blob config, byte[] configBytes,
            List<Layer> layers, Platform platform) throws IOException {
        byte[] manifest = ImageDocuments.manifest(manifestMediaType, config,
                layers.stream().map(Layer::blob).toList());
        return new BuiltImage(layout.blob(manifestMediaType, manifest), manifest, config, configBytes, layers, platform);
    }

    /** An index listing {@code images} by their platforms; an image of {@link Platform#UNKNOWN} is an attestation. */
    public static BuiltIndex index(OciLayout layout, ImageFormat format, List<BuiltImage> images) throws IOException {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (BuiltImage image : images) {
            Map<String, String> annotations = Map.of();
            if (image.platform().equals(Platform.UNKNOWN)) {
                BuiltImage subject = images.getFirst();
                annotations = Map.of("vnd.docker.reference.digest", subject.digest().toString(),
                        "vnd.docker.reference.type", "attestation-manifest");
            }
            entries.add(ImageDocuments.descriptor(image.manifest(), image.platform(), annotations));
        }
        byte[] index = ImageDocuments.index(format.indexMediaType(), entries);
        return new BuiltIndex(layout.blob(format.indexMediaType(), index), index, images);
    }

    /**
     * A buildx-style attestation manifest for {@code subject}: an in-toto statement as its only
     * (uncompressed) layer, platform unknown/unknown. No runtime may ever pick it.
     */
    public static BuiltImage attestation(OciLayout layout, BuiltImage subject) throws IOException {
        byte[] statement = ("{\"_type\":\"https://in-toto.io/Statement/v0.1\",\"predicateType\":\"https://spdx.dev/Document\","
                + "\"subject\":[{\"name\":\"test\",\"digest\":{\"sha256\":\"" + subject.digest().hex() + "\"}}],"
                + "\"predicate\":{}}").getBytes(StandardCharsets.UTF_8);
        Blob statementBlob = layout.blob(ImageFormat.IN_TOTO, statement);
        Layer layer = new Layer(ImageFormat.IN_TOTO, statementBlob.digest(), statementBlob.size(), statementBlob.digest());
        byte[] config = ImageDocuments.config(Platform.UNKNOWN, new RunSettings(null, null, List.of(), "", ""),
                List.of(layer), List.of());
        return assemble(layout, ImageFormat.OCI.manifestMediaType(),
                layout.blob(ImageFormat.OCI.configMediaType(), config), config, List.of(layer), Platform.UNKNOWN);
    }
}
