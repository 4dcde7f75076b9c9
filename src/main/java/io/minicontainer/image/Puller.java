package io.minicontainer.image;

import io.minicontainer.image.layer.Compression;
import io.minicontainer.image.layer.LayerUnpacker;
import io.minicontainer.image.layer.UnpackResult;
import io.minicontainer.image.registry.FetchedManifest;
import io.minicontainer.image.registry.RegistryClient;
import io.minicontainer.image.store.BlobWriter;
import io.minicontainer.image.store.ImageRecord;
import io.minicontainer.image.store.ImageStore;
import io.minicontainer.image.store.LayerInfo;
import io.minicontainer.image.store.LayerMeta;
import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageJson;
import io.minicontainer.oci.ImageSpec.Config;
import io.minicontainer.oci.ImageSpec.Descriptor;
import io.minicontainer.oci.ImageSpec.Manifest;
import io.minicontainer.oci.ImageSpec.Platform;
import io.minicontainer.oci.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * docker pull: manifest (an index picks the platform), config, then every missing layer in
 * parallel, each in one streaming pass: download → digest check → tee into the blob store →
 * decompress → diffID check → unpack into the layer store. A layer another image (or another
 * CLI at the same moment) already has is not fetched again.
 */
public final class Puller {
    private static final int PARALLEL_LAYERS = 4;
    private final RegistryClient registry;
    private final ImageStore store;
    private final PullProgress progress;

    public Puller(RegistryClient registry, ImageStore store, PullProgress progress) {
        this.registry = registry;
        this.store = store;
        this.progress = progress;
    }

    @SuppressWarnings("try") // the pin only has to be held: it keeps garbage collection away
    public ImageRecord pull(ImageReference ref, Platform platform) throws IOException {
        try (ImageStore.Pin pin = store.pin()) {
            return pullPinned(ref, platform);
        }
    }

    private ImageRecord pullPinned(ImageReference ref, Platform platform) throws IOException {
        progress.status((ref.tag().isEmpty() ? ref.digest().toString() : ref.tag()) + ": Pulling from "
                + ref.familiarName());
        FetchedManifest top = registry.fetchManifest(ref);
        FetchedManifest chosen = top;
        if (MediaTypes.isIndex(top.mediaType())) {
            store.putBlob(top.bytes());
            Descriptor entry = Platforms.select(ImageJson.index(top.bytes()), platform);
            chosen = registry.fetchManifest(new ImageReference(ref.registry(), ref.repository(), "", entry.digest()));
        }
        if (!MediaTypes.isManifest(chosen.mediaType())) {
            throw new IOException(ref.familiar() + ": unsupported manifest type " + chosen.mediaType());
        }
        Manifest manifest = ImageJson.manifest(chosen.bytes());
        byte[] configBytes = readConfig(ref, manifest.config());
        Config config = ImageJson.config(configBytes);
        if (config.diffIds().size() != manifest.layers().size()) {
            throw new IOException(ref.familiar() + ": the config lists " + config.diffIds().size()
                    + " layers, the manifest " + manifest.layers().size());
        }
        List<Digest> chainIds = chainIds(config.diffIds());
        fetchLayers(ref, manifest.layers(), config.diffIds(), chainIds);
        store.putBlob(chosen.bytes());
        Digest id = store.putBlob(configBytes);
        ImageRecord record = new ImageRecord(id, chosen.digest(), chosen.mediaType(), chainIds,
                manifest.layers().stream().map(Descriptor::digest).toList(), config.platform(), config.created(),
                layersSize(chainIds), List.of(), List.of(repoDigest(ref, top.digest())));
        store.addImage(record, ref.tag().isEmpty() ? null : ref);
        progress.status("Digest: " + top.digest());
        return store.find(id.toString()).orElse(record);
    }

    private byte[] readConfig(ImageReference ref, Descriptor descriptor) throws IOException {
        if (descriptor.size() > 16 << 20) {
            throw new IOException(ref.familiar() + ": image config of " + descriptor.size() + " bytes is too large");
        }
        try (InputStream in = registry.openBlob(ref, descriptor)) {
            return in.readAllBytes();
        }
    }

    private void fetchLayers(ImageReference ref, List<Descriptor> layers, List<Digest> diffIds, List<Digest> chainIds)
            throws IOException {
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_LAYERS, Math.max(1, layers.size())))) {
            List<Future<?>> pending = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                Descriptor layer = layers.get(i);
                Digest chainId = chainIds.get(i);
                LayerMeta meta = new LayerMeta(diffIds.get(i), i == 0 ? null : chainIds.get(i - 1), layer.digest());
                String shortId = layer.digest().shortHex();
                if (store.hasLayer(chainId) && store.hasBlob(layer.digest())) {
                    progress.layer(shortId, "Already exists");
                    continue;
                }
                if (store.hasLayer(chainId)) {
                    // the same content, compressed differently (zstd instead of gzip): keep this blob too,
                    // so the image's manifest names only blobs the store has
                    pending.add(pool.submit(() -> {
                        keepBlob(ref, layer);
                        progress.layer(shortId, "Already exists");
                        return null;
                    }));
                    continue;
                }
                progress.layer(shortId, "Pulling fs layer");
                pending.add(pool.submit(() -> {
                    store.ensureLayer(chainId, meta, dir -> download(ref, layer, meta, dir));
                    progress.layer(shortId, "Pull complete");
                    return null;
                }));
            }
            for (Future<?> future : pending) {
                await(future);
            }
        }
    }

    /** One pass over the bytes: verified by the registry stream at EOF, kept as a blob, unpacked. */
    private Digest download(ImageReference ref, Descriptor layer, LayerMeta meta, java.nio.file.Path dir)
            throws IOException {
        String shortId = layer.digest().shortHex();
        try (BlobWriter blob = store.newBlob();
                InputStream in = new TeeInputStream(registry.openBlob(ref, layer,
                        done -> progress.bytes(shortId, done, layer.size())), blob)) {
            UnpackResult result = LayerUnpacker.unpack(in, Compression.fromMediaType(layer.mediaType()), dir);
            if (!result.diffId().equals(meta.diffId())) {
                throw new IOException("layer " + layer.digest() + " of " + ref.familiar() + ": its content "
                        + result.diffId() + " is not the " + meta.diffId() + " the image config lists");
            }
            progress.layer(shortId, "Verifying Checksum");
            blob.commit(layer.digest(), layer.size());
            return result.diffId();
        }
    }

    /** The chain id of each layer, bottom first: each names the stack up to and including it. */
    static List<Digest> chainIds(List<Digest> diffIds) {
        List<Digest> chainIds = new ArrayList<>();
        for (Digest diffId : diffIds) {
            chainIds.add(chainIds.isEmpty() ? diffId : ImageStore.chainId(chainIds.getLast(), diffId));
        }
        return chainIds;
    }

    /** Downloads a blob into the store without unpacking it; the registry stream verifies its digest. */
    private void keepBlob(ImageReference ref, Descriptor layer) throws IOException {
        try (BlobWriter blob = store.newBlob(); InputStream in = registry.openBlob(ref, layer)) {
            in.transferTo(blob);
            blob.commit(layer.digest(), layer.size());
        }
    }

    private long layersSize(List<Digest> chainIds) throws IOException {
        long total = 0;
        for (Digest chainId : chainIds) {
            total += store.layer(chainId).map(LayerInfo::size).orElse(0L);
        }
        return total;
    }

    private static String repoDigest(ImageReference ref, Digest digest) {
        return ref.registry() + "/" + ref.repository() + "@" + digest;
    }

    private static void await(Future<?> future) throws IOException {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("pull interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }
}
