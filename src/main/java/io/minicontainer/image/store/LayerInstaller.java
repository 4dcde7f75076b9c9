package io.minicontainer.image.store;

import io.minicontainer.image.store.FileLocks.Held;
import io.minicontainer.oci.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Unpacks layers into tmp/ and publishes them under layers/ with one rename, under the layer's lock:
 * a layer is unpacked once however many threads and processes want it, and a layer directory
 * exists only complete, with its layer.json.
 */
final class LayerInstaller {
    private final ImageStore store;
    private final TempSpace temps;

    LayerInstaller(ImageStore store, TempSpace temps) {
        this.store = store;
        this.temps = temps;
    }

    /** The pull case: the chain id is known from the config, so the lock is taken before unpacking. */
    Path ensure(Digest chainId, LayerMeta meta, LayerWriter writer) throws IOException {
        if (!chainId.equals(meta.chainId())) {
            throw new IllegalArgumentException("layer " + chainId + ": its parent and diffID make chain id " + meta.chainId());
        }
        try (Held _ = store.lockLayer(chainId)) {
            if (store.hasLayer(chainId)) {
                return store.layerDiff(chainId);
            }
            try (TempEntry temp = temps.create()) {
                Digest diffId = writer.write(emptyDiffDir(temp));
                if (!diffId.equals(meta.diffId())) {
                    throw new IOException("layer " + chainId + ": unpacked content has diffID " + diffId
                            + ", expected " + meta.diffId());
                }
                publish(temp, chainId, meta);
            }
        }
        return store.layerDiff(chainId);
    }

    /** The import case: the diffID, hence the chain id, is known only after unpacking. */
    LayerInfo importLayer(Digest parentChainId, Digest compressedBlob, LayerWriter writer) throws IOException {
        Digest chainId;
        try (TempEntry temp = temps.create()) {
            Digest diffId = writer.write(emptyDiffDir(temp));
            LayerMeta meta = new LayerMeta(diffId, parentChainId, compressedBlob);
            chainId = meta.chainId();
            try (Held _ = store.lockLayer(chainId)) {
                if (!store.hasLayer(chainId)) {
                    publish(temp, chainId, meta);
                }
            }
            // closing the entry deletes the copy nobody needed, after the lock is released
        }
        return store.layer(chainId).orElseThrow(() -> new IOException("layer " + chainId + " vanished after its import"));
    }

    private static Path emptyDiffDir(TempEntry temp) throws IOException {
        return Files.createDirectories(temp.path().resolve("diff"));
    }

    /** Flushes the diff tree, writes layer.json last, then renames the whole entry into layers/. */
    private void publish(TempEntry temp, Digest chainId, LayerMeta meta) throws IOException {
        long size = Trees.syncAndMeasure(temp.path().resolve("diff"));
        DurableFiles.writeNew(temp.path().resolve("layer.json"), LayerJson.write(new LayerInfo(chainId, meta, size)));
        DurableFiles.sync(temp.path());
        DurableFiles.publish(temp.path(), store.layerDir(chainId));
    }
}
