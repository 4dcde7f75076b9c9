package io.minicontainer.image.store;

import io.minicontainer.image.ImageReference;
import io.minicontainer.image.store.FileLocks.Held;
import io.minicontainer.oci.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The on-disk image store; the only class that knows its layout.
 *
 * <pre>
 * ROOT/blobs/sha256/HEX            content-addressed blobs: manifests, configs, compressed layers (OCI layout paths)
 *      layers/CHAINID/diff/        an unpacked layer, what overlayfs stacks; shared by every image that has it
 *      layers/CHAINID/layer.json   {chainId, diffId, parent, size, compressedBlob}: see {@link LayerJson}
 *      images.json                 the index: image records with their tags and digests, see {@link IndexJson}
 *      tmp/NAME                    work in progress, published by one rename (same file system)
 *      locks/gc                    shared by {@link #pin()} holders, exclusive for {@link #collectGarbage()}
 *      locks/index                 held while images.json is rewritten
 *      locks/layers/CHAINID        held while a layer is looked for and unpacked, so it is unpacked once
 *      locks/tmp/NAME              held by the owner of tmp/NAME for as long as it lives, see {@link TempSpace}
 * </pre>
 *
 * <p>Every CLI process opens its own store; they coordinate through the locks only. Whatever appears
 * under blobs/, layers/ or as images.json got there complete, by an atomic rename after an fsync:
 * readers need no lock, and a process killed at any point leaves at most a tmp/ entry whose lock
 * the kernel released, which {@link #collectGarbage()} removes. Lock files in locks/layers stay.
 *
 * <p>A pull, import or load holds a {@link #pin()} from its first blob to its {@link #addImage}, since what
 * it stores is unreferenced until then. Garbage collection knows only images.json: an image that
 * a container still uses must keep its record (docker keeps it too, untagged).
 */
public final class ImageStore {
    private final Path root;
    private final TempSpace temps;
    private final LayerInstaller layers;

    /** A pull or import in progress: {@link #collectGarbage()} waits until it is closed. */
    public interface Pin extends AutoCloseable {
        @Override
        void close();
    }

    public ImageStore(Path root) throws IOException {
        for (String dir : List.of("blobs/sha256", "layers", "tmp", "locks/tmp", "locks/layers")) {
            Files.createDirectories(root.resolve(dir));
        }
        this.root = root.toRealPath();
        this.temps = new TempSpace(this.root.resolve("tmp"), this.root.resolve("locks/tmp"));
        this.layers = new LayerInstaller(this, temps);
    }

    public Path root() {
        return root;
    }

    // Blobs

    public Path blobPath(Digest digest) {
        return root.resolve("blobs/sha256").resolve(digest.hex());
    }

    public boolean hasBlob(Digest digest) {
        return Files.isRegularFile(blobPath(digest));
    }

    public byte[] readBlob(Digest digest) throws IOException {
        try {
            return Files.readAllBytes(blobPath(digest));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(blobPath(digest).toString(), null, "blob " + digest + " is not in the store");
        }
    }

    /** Stores {@code content} (once: storing it again changes nothing) and returns its digest. */
    public Digest putBlob(byte[] content) throws IOException {
        Digest digest = Digest.of(content);
        if (hasBlob(digest)) {
            return digest;
        }
        try (BlobWriter writer = newBlob()) {
            writer.write(content);
            return writer.commit(digest, content.length);
        }
    }

    /** A writer to stream a blob into the store, for content too big for memory (layers). */
    public BlobWriter newBlob() throws IOException {
        TempEntry temp = temps.create();
        try {
            return new BlobWriter(this, temp);
        } catch (IOException | RuntimeException e) {
            temp.close();
            throw e;
        }
    }

    /** A fresh, empty directory in tmp/ that only this process uses, until it is closed. */
    public ScratchDir newScratchDir() throws IOException {
        TempEntry temp = temps.create();
        try {
            Files.createDirectory(temp.path());
            return new ScratchDir(temp);
        } catch (IOException | RuntimeException e) {
            temp.close();
            throw e;
        }
    }

    // Layers

    /** The OCI chain id of the top layer: ChainID(L0) = DiffID(L0), ChainID(Ln) = sha256(ChainID(Ln-1) + " " + DiffID(Ln)). */
    public static Digest chainId(List<Digest> diffIds) {
        if (diffIds.isEmpty()) {
            throw new IllegalArgumentException("a chain id needs at least one layer");
        }
        Digest chain = null;
        for (Digest diffId : diffIds) {
            chain = chainId(chain, diffId);
        }
        return chain;
    }

    /** The chain id of a layer with {@code diffId} on top of {@code parentChainId} (null: the bottom layer). */
    public static Digest chainId(Digest parentChainId, Digest diffId) {
        if (parentChainId == null) {
            return diffId;
        }
        return Digest.of((parentChainId + " " + diffId).getBytes(StandardCharsets.US_ASCII));
    }

    public Path layerDiff(Digest chainId) {
        return layerDir(chainId).resolve("diff");
    }

    /** True when the layer is complete: its layer.json is written last, before the directory is renamed into place. */
    public boolean hasLayer(Digest chainId) {
        return Files.isRegularFile(layerJson(chainId));
    }

    public Optional<LayerInfo> layer(Digest chainId) throws IOException {
        try {
            return Optional.of(LayerJson.read(Files.readAllBytes(layerJson(chainId)), layerJson(chainId).toString()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns the diff directory of layer {@code chainId}, unpacking it with {@code writer} first unless
     * it is there. Other threads and processes wanting the same layer wait and then find it; the writer
     * must return {@code meta.diffId()}, which the chain id must be made of, or nothing is kept.
     */
    public Path ensureLayer(Digest chainId, LayerMeta meta, LayerWriter writer) throws IOException {
        return layers.ensure(chainId, meta, writer);
    }

    /**
     * Unpacks a layer whose diffID is known only afterwards (a plain tarball being imported), then keeps
     * it as layer {@code chainId(parentChainId, diffID)}, or drops it when that layer exists already.
     */
    public LayerInfo importLayer(Digest parentChainId, Digest compressedBlob, LayerWriter writer) throws IOException {
        return layers.importLayer(parentChainId, compressedBlob, writer);
    }

    // Images

    /**
     * Protects what a pull or import stores from {@link #collectGarbage()} until it is closed, which is
     * needed because blobs and layers come before the image record that references them.
     */
    public Pin pin() throws IOException {
        return FileLocks.shared(gcLock())::close;
    }

    /**
     * Adds or updates an image (see {@link ImageTable#add}); its config, manifest, layers and layer blobs
     * must be in the store, so the index never names something incomplete.
     */
    public void addImage(ImageRecord record, ImageReference taggedAs) throws IOException {
        updateIndex(table -> {
            requireContent(record);
            table.add(record, taggedAs);
            return null;
        });
    }

    /** What the user typed: a reference, a repo digest, a full id or an unambiguous id prefix; see {@link ImageTable#find}. */
    public Optional<ImageRecord> find(String nameOrIdPrefix) throws IOException {
        return readIndex().find(nameOrIdPrefix);
    }

    /** Every image, in the order they were first added. */
    public List<ImageRecord> list() throws IOException {
        return readIndex().records();
    }

    /** Tags {@code image} as {@code reference}, moving the tag from the image that had it (which stays, untagged). */
    public void tag(ImageRecord image, ImageReference reference) throws IOException {
        updateIndex(table -> {
            table.tag(image.id(), reference);
            return null;
        });
    }

    /** Removes a tag or digest reference; true when nothing names the image any more (docker rmi then removes it). */
    public boolean untag(ImageReference reference) throws IOException {
        return updateIndex(table -> table.untag(reference).isUnreferenced());
    }

    /** Removes the image's record, whatever names it; its content goes at the next {@link #collectGarbage()}. */
    public boolean removeImage(Digest id) throws IOException {
        return updateIndex(table -> table.remove(id));
    }

    /** Removes blobs and layers no image references, and tmp/ entries no live process owns. */
    public GcResult collectGarbage() throws IOException {
        return new GarbageCollector(this, temps).collect();
    }

    // For the package: paths, locks and the index

    Path blobsDir() {
        return root.resolve("blobs/sha256");
    }

    Path layersDir() {
        return root.resolve("layers");
    }

    Path layerDir(Digest chainId) {
        return layersDir().resolve(chainId.hex());
    }

    Path layerJson(Digest chainId) {
        return layerDir(chainId).resolve("layer.json");
    }

    Held lockLayer(Digest chainId) throws IOException {
        return FileLocks.exclusive(root.resolve("locks/layers").resolve(chainId.hex()));
    }

    /** The layer's lock if no one is unpacking or looking for that layer right now, otherwise null. */
    Held tryLockLayer(Digest chainId) throws IOException {
        return FileLocks.tryExclusive(root.resolve("locks/layers").resolve(chainId.hex()));
    }

    Held lockIndex() throws IOException {
        return FileLocks.exclusive(root.resolve("locks/index"));
    }

    Path gcLock() {
        return root.resolve("locks/gc");
    }

    /** images.json as last published; no lock needed, it is only ever replaced by a rename. */
    ImageTable readIndex() throws IOException {
        try {
            return IndexJson.read(Files.readAllBytes(root.resolve("images.json")));
        } catch (NoSuchFileException e) {
            return new ImageTable(List.of());
        }
    }

    private interface IndexChange<T> {
        T apply(ImageTable table) throws IOException;
    }

    private <T> T updateIndex(IndexChange<T> change) throws IOException {
        try (Held _ = lockIndex()) {
            ImageTable table = readIndex();
            T result = change.apply(table);
            DurableFiles.replace(root.resolve("images.json"), IndexJson.write(table), temps);
            return result;
        }
    }

    private void requireContent(ImageRecord record) {
        List<Digest> blobs = new ArrayList<>(List.of(record.id(), record.manifestDigest()));
        blobs.addAll(record.layerBlobs());
        for (Digest blob : blobs) {
            if (!hasBlob(blob)) {
                throw new ImageStoreException("image " + record.id() + ": blob " + blob + " is not in the store");
            }
        }
        for (Digest chainId : record.layerChainIds()) {
            if (!hasLayer(chainId)) {
                throw new ImageStoreException("image " + record.id() + ": layer " + chainId + " is not in the store");
            }
        }
    }
}
