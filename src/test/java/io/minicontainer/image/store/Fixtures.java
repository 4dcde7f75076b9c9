package io.minicontainer.image.store;

import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageSpec.Platform;
import io.minicontainer.oci.MediaTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Small images made of named layers: each layer holds one file, its diffID is a hash of its name. */
final class Fixtures {
    static final Platform AMD64 = new Platform("linux", "amd64", "");

    private Fixtures() {}

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Digest diffId(String layerName) {
        return Digest.of(bytes("diff " + layerName));
    }

    /** Writes {@code layerName.txt}, counts its calls, and claims the layer's diffID. */
    static LayerWriter writer(String layerName, AtomicInteger calls) {
        return dir -> {
            calls.incrementAndGet();
            Files.writeString(dir.resolve(layerName + ".txt"), layerName);
            return diffId(layerName);
        };
    }

    /** Unpacks (or finds) the layers bottom first and returns their chain ids. */
    static List<Digest> layers(ImageStore store, String... layerNames) throws IOException {
        List<Digest> chainIds = new ArrayList<>();
        Digest parent = null;
        for (String name : layerNames) {
            LayerMeta meta = new LayerMeta(diffId(name), parent, store.putBlob(bytes("blob " + name)));
            store.ensureLayer(meta.chainId(), meta, writer(name, new AtomicInteger()));
            chainIds.add(meta.chainId());
            parent = meta.chainId();
        }
        return chainIds;
    }

    /** Stores an image's config, manifest and layers and returns its (not yet added) record. */
    static ImageRecord image(ImageStore store, String configText, String... layerNames) throws IOException {
        List<Digest> chainIds = layers(store, layerNames);
        List<Digest> blobs = new ArrayList<>();
        for (String name : layerNames) {
            blobs.add(Digest.of(bytes("blob " + name)));
        }
        Digest config = store.putBlob(bytes(configText));
        Digest manifest = store.putBlob(bytes("manifest of " + configText));
        return new ImageRecord(config, manifest, MediaTypes.OCI_MANIFEST, chainIds, blobs, AMD64,
                "2024-05-01T00:00:00Z", 1000, List.of(), List.of());
    }

    static List<String> names(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
