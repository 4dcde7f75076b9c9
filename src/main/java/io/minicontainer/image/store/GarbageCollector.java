package io.minicontainer.image.store;

import io.minicontainer.image.store.FileLocks.Held;
import io.minicontainer.oci.Digest;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes what no image record references. It holds the gc lock exclusively, so no pinned pull or
 * import is between storing content and adding its record, and the index lock, so no record is added
 * while it decides. Layer directories are renamed into tmp/ under their lock (they vanish at once)
 * and deleted after the locks are released.
 */
final class GarbageCollector {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private final ImageStore store;
    private final TempSpace temps;
    private int blobsRemoved;
    private long bytesFreed;
    private final List<TempEntry> doomedLayers = new ArrayList<>();

    GarbageCollector(ImageStore store, TempSpace temps) {
        this.store = store;
        this.temps = temps;
    }

    GcResult collect() throws IOException {
        try {
            try (Held _ = FileLocks.exclusiveOfShared(store.gcLock()); Held _ = store.lockIndex()) {
                List<ImageRecord> images = store.readIndex().records();
                removeBlobs(referencedBlobs(images));
                detachLayers(referencedLayers(images));
            }
        } finally {
            doomedLayers.forEach(TempEntry::close);
        }
        int tempsRemoved = temps.sweep();
        return new GcResult(blobsRemoved, doomedLayers.size(), tempsRemoved, bytesFreed);
    }

    private static Set<Digest> referencedBlobs(List<ImageRecord> images) {
        Set<Digest> blobs = new HashSet<>();
        for (ImageRecord image : images) {
            blobs.add(image.id());
            blobs.add(image.manifestDigest());
            blobs.addAll(image.layerBlobs());
        }
        return blobs;
    }

    private static Set<Digest> referencedLayers(List<ImageRecord> images) {
        Set<Digest> layers = new HashSet<>();
        images.forEach(image -> layers.addAll(image.layerChainIds()));
        return layers;
    }

    private void removeBlobs(Set<Digest> referenced) throws IOException {
        for (Digest blob : digestNamed(store.blobsDir())) {
            if (!referenced.contains(blob)) {
                Path file = store.blobPath(blob);
                long size = sizeOf(file);
                if (Files.deleteIfExists(file)) {
                    blobsRemoved++;
                    bytesFreed += size;
                }
            }
        }
    }

    /**
     * Moves each unreferenced layer into a tmp/ entry of its own, deleted when the entry is closed. A
     * layer whose lock is held is being unpacked or found right now, by a pull that will reference it.
     */
    private void detachLayers(Set<Digest> referenced) throws IOException {
        for (Digest chainId : digestNamed(store.layersDir())) {
            if (referenced.contains(chainId)) {
                continue;
            }
            Held lock = store.tryLockLayer(chainId);
            if (lock == null) {
                continue;
            }
            try (lock) {
                long size = store.layer(chainId).map(LayerInfo::size).orElse(0L);
                TempEntry entry = temps.create();
                doomedLayers.add(entry);
                Files.move(store.layerDir(chainId), entry.path(), StandardCopyOption.ATOMIC_MOVE);
                bytesFreed += size;
            }
        }
    }

    /** Entries named by a digest's hex; anything else in those directories is not the store's. */
    private static List<Digest> digestNamed(Path dir) throws IOException {
        List<Digest> digests = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (HEX.matcher(name).matches()) {
                    digests.add(new Digest(name));
                }
            }
        }
        return digests;
    }

    private static long sizeOf(Path file) throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException gone) {
            return 0;
        }
    }
}
