package io.minicontainer.image.archive;

import io.minicontainer.image.ImageReference;
import io.minicontainer.image.PullProgress;
import io.minicontainer.image.TeeInputStream;
import io.minicontainer.image.layer.LayerUnpacker;
import io.minicontainer.image.store.BlobWriter;
import io.minicontainer.image.store.ImageRecord;
import io.minicontainer.image.store.ImageStore;
import io.minicontainer.image.store.LayerInfo;
import io.minicontainer.image.store.LayerMeta;
import io.minicontainer.image.store.ScratchDir;
import io.minicontainer.oci.Digest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * docker load: the archive is spooled into the store's tmp/ and every blob checked against its name
 * or descriptor; then each layer goes into the store as a pull puts it (unpacked once per chain id,
 * diffID verified against the config, the archive's bytes kept as the layer's blob), and only when
 * every image's content is in are the image records added. A bad archive adds no image; what it
 * stored before failing is unreferenced, and garbage collection removes it.
 */
public final class ArchiveLoader {
    private final ImageStore store;
    private final PullProgress progress;

    public ArchiveLoader(ImageStore store, PullProgress progress) {
        this.store = store;
        this.progress = progress;
    }

    /** Loads every image of the archive and returns docker's report, one line per name (or id). */
    public List<String> load(InputStream archive) throws IOException {
        try (ImageStore.Pin _ = store.pin(); ScratchDir scratch = store.newScratchDir()) {
            List<ArchivedImage> images = ArchiveReader.read(archive, scratch.path());
            List<ImageRecord> records = new ArrayList<>();
            for (ArchivedImage image : images) {
                records.add(storeContent(image));
            }
            List<String> report = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                report.addAll(addRecord(records.get(i), images.get(i).tags()));
            }
            return report;
        }
    }

    private ImageRecord storeContent(ArchivedImage image) throws IOException {
        List<Digest> chainIds = new ArrayList<>();
        long size = 0;
        for (ArchivedImage.Layer layer : image.layers()) {
            Digest parent = chainIds.isEmpty() ? null : chainIds.getLast();
            LayerMeta meta = new LayerMeta(layer.diffId(), parent, layer.digest());
            storeLayer(layer, meta);
            chainIds.add(meta.chainId());
            size += store.layer(meta.chainId()).map(LayerInfo::size).orElse(0L);
        }
        Digest id = store.putBlob(image.configBytes());
        Digest manifest = store.putBlob(image.manifest());
        return new ImageRecord(id, manifest, image.manifestMediaType(), chainIds,
                image.layers().stream().map(ArchivedImage.Layer::digest).toList(), image.config().platform(),
                image.config().created(), size, List.of(), List.of());
    }

    /**
     * Unpacks the layer unless the store has it; then its content is still hashed, so that every
     * layer of the archive is checked, and its blob is kept if the store lacks that one.
     */
    private void storeLayer(ArchivedImage.Layer layer, LayerMeta meta) throws IOException {
        String shortId = layer.digest().shortHex();
        AtomicBoolean unpacked = new AtomicBoolean();
        if (!store.hasLayer(meta.chainId())) {
            progress.layer(shortId, "Loading layer");
            store.ensureLayer(meta.chainId(), meta, dir -> {
                unpacked.set(true);
                return unpack(layer, dir);
            });
        }
        if (!unpacked.get()) {
            requireDiffId(layer, diffIdOf(layer));
            if (!store.hasBlob(layer.digest())) {
                keepBlob(layer);
            }
        }
        progress.layer(shortId, unpacked.get() ? "Loaded" : "Already exists");
    }

    /** One pass over the file: kept as the blob while it is unpacked; the blob only if the diffID is right. */
    private Digest unpack(ArchivedImage.Layer layer, Path dir) throws IOException {
        try (BlobWriter blob = store.newBlob(); InputStream in = new TeeInputStream(open(layer), blob)) {
            Digest diffId;
            try {
                diffId = LayerUnpacker.unpack(in, layer.compression(), dir).diffId();
            } catch (IOException e) {
                throw new IOException(describe(layer) + ": " + e.getMessage(), e);
            }
            requireDiffId(layer, diffId);
            blob.commit(layer.digest(), layer.file().size());
            return diffId;
        }
    }

    private Digest diffIdOf(ArchivedImage.Layer layer) throws IOException {
        MessageDigest sha256 = Digest.sha256();
        try (InputStream tar = layer.compression().decompress(open(layer))) {
            tar.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha256));
        } catch (IOException e) {
            throw new IOException(describe(layer) + ": " + e.getMessage(), e);
        }
        return Digest.of(sha256);
    }

    private void keepBlob(ArchivedImage.Layer layer) throws IOException {
        try (BlobWriter blob = store.newBlob(); InputStream in = open(layer)) {
            in.transferTo(blob);
            blob.commit(layer.digest(), layer.file().size());
        }
    }

    private static void requireDiffId(ArchivedImage.Layer layer, Digest actual) throws IOException {
        if (!actual.equals(layer.diffId())) {
            throw new IOException(describe(layer) + " is corrupt: its content has diffID " + actual
                    + ", the image config lists " + layer.diffId());
        }
    }

    private static InputStream open(ArchivedImage.Layer layer) throws IOException {
        return new BufferedInputStream(Files.newInputStream(layer.file().path()), 1 << 16);
    }

    private static String describe(ArchivedImage.Layer layer) {
        return "layer " + layer.file().name() + " of the archive";
    }

    /** docker's lines; a tag another image had moves here, and that image keeps its record. */
    private List<String> addRecord(ImageRecord record, List<ImageReference> tags) throws IOException {
        if (tags.isEmpty()) {
            store.addImage(record, null);
            return List.of("Loaded image ID: " + record.id());
        }
        List<String> report = new ArrayList<>();
        for (ImageReference tag : tags) {
            Optional<ImageRecord> previous = store.find(tag.toString());
            if (previous.isPresent() && !previous.get().id().equals(record.id())) {
                report.add("The image " + tag.familiar() + " already exists, renaming the old one with ID "
                        + previous.get().id() + " to empty string");
            }
            store.addImage(record, tag);
            report.add("Loaded image: " + tag.familiar());
        }
        return report;
    }
}
