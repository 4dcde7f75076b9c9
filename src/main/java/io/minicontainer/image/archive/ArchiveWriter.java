package io.minicontainer.image.archive;

import io.minicontainer.image.ImageReference;
import io.minicontainer.image.store.ImageStore;
import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageJson;
import io.minicontainer.oci.ImageSpec.Descriptor;
import io.minicontainer.oci.ImageSpec.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * docker save as docker 25+ writes it: one tar that is an OCI image layout ({@code oci-layout},
 * {@code index.json}, {@code blobs/sha256/}) and a docker-archive ({@code manifest.json},
 * {@code repositories}) at once, both pointing at the same blobs. Blobs are the store's, byte for
 * byte: manifests and configs as pulled, layers still compressed. The bytes depend only on the
 * images and names: entries in name order, owner 0:0, mtime 0.
 *
 * <p>Only images whose layer blobs the store kept can be saved (pull and import always keep them);
 * a layer is never rebuilt from its unpacked directory, which would change the image's digests.
 */
public final class ArchiveWriter {
    private static final FileTime EPOCH = FileTime.fromMillis(0);

    private final ImageStore store;

    public ArchiveWriter(ImageStore store) {
        this.store = store;
    }

    /** The image's manifest as stored, and what it points to. */
    private record Content(SavedImage saved, Descriptor manifest, Manifest parsed) {}

    /** Writes the archive to {@code out} (flushed, not closed); checks every blob is there before writing a byte. */
    public void write(List<SavedImage> images, OutputStream out) throws IOException {
        try (ImageStore.Pin _ = store.pin()) {
            List<Content> contents = new ArrayList<>();
            for (SavedImage image : images) {
                contents.add(content(image));
            }
            TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            writeDirectory(tar, "blobs/");
            writeDirectory(tar, "blobs/sha256/");
            for (Digest blob : blobs(contents)) {
                writeBlob(tar, blob);
            }
            writeFile(tar, OciIndexJson.FILE, OciIndexJson.write(indexEntries(contents)));
            writeFile(tar, DockerManifestJson.FILE, DockerManifestJson.write(manifestEntries(contents)));
            writeFile(tar, OciIndexJson.LAYOUT_FILE, OciIndexJson.LAYOUT);
            if (contents.stream().anyMatch(content -> !content.saved().tags().isEmpty())) {
                writeFile(tar, DockerManifestJson.REPOSITORIES, DockerManifestJson.writeRepositories(repositories(contents)));
            }
            tar.finish();
            out.flush();
        }
    }

    private Content content(SavedImage saved) throws IOException {
        Digest manifestDigest = saved.image().manifestDigest();
        requireBlob(saved, manifestDigest, "manifest");
        Manifest manifest = ImageJson.manifest(store.readBlob(manifestDigest));
        requireBlob(saved, manifest.config().digest(), "config");
        for (Descriptor layer : manifest.layers()) {
            requireBlob(saved, layer.digest(), "layer");
        }
        Descriptor descriptor = new Descriptor(saved.image().manifestMediaType(), manifestDigest,
                Files.size(store.blobPath(manifestDigest)));
        return new Content(saved, descriptor, manifest);
    }

    private void requireBlob(SavedImage saved, Digest blob, String what) throws IOException {
        if (!store.hasBlob(blob)) {
            throw new IOException("cannot save " + saved.displayName() + ": its " + what + " blob " + blob
                    + " is not in the store (save writes the blobs as pulled and does not rebuild them)");
        }
    }

    private static SortedSet<Digest> blobs(List<Content> contents) {
        SortedSet<Digest> blobs = new TreeSet<>((a, b) -> a.hex().compareTo(b.hex()));
        for (Content content : contents) {
            blobs.add(content.manifest().digest());
            blobs.add(content.parsed().config().digest());
            content.parsed().layers().forEach(layer -> blobs.add(layer.digest()));
        }
        return blobs;
    }

    /** One entry per tag, as docker writes it; an untagged image gets one without names. */
    private static List<OciIndexJson.Entry> indexEntries(List<Content> contents) {
        List<OciIndexJson.Entry> entries = new ArrayList<>();
        for (Content content : contents) {
            Descriptor manifest = content.manifest();
            List<ImageReference> names = new ArrayList<>(content.saved().tags());
            if (names.isEmpty()) {
                names.add(null);
            }
            for (ImageReference name : names) {
                entries.add(new OciIndexJson.Entry(manifest.mediaType(), manifest.digest(), manifest.size(),
                        content.saved().image().platform(), name));
            }
        }
        return entries;
    }

    private static List<DockerManifestJson.Entry> manifestEntries(List<Content> contents) {
        return contents.stream().map(content -> new DockerManifestJson.Entry(
                blobPath(content.parsed().config().digest()),
                content.saved().tags().stream().map(ImageReference::familiar).toList(),
                content.parsed().layers().stream().map(layer -> blobPath(layer.digest())).toList())).toList();
    }

    /** Names the image's top layer by its blob, the file that holds it in this archive. */
    private static Map<String, Map<String, String>> repositories(List<Content> contents) {
        Map<String, Map<String, String>> repositories = new LinkedHashMap<>();
        for (Content content : contents) {
            List<Descriptor> layers = content.parsed().layers();
            String top = layers.isEmpty() ? content.parsed().config().digest().hex() : layers.getLast().digest().hex();
            for (ImageReference tag : content.saved().tags()) {
                repositories.computeIfAbsent(tag.familiarName(), name -> new LinkedHashMap<>()).put(tag.tag(), top);
            }
        }
        return repositories;
    }

    private static String blobPath(Digest digest) {
        return "blobs/sha256/" + digest.hex();
    }

    private void writeBlob(TarArchiveOutputStream tar, Digest blob) throws IOException {
        Path file = store.blobPath(blob);
        TarArchiveEntry entry = entry(blobPath(blob));
        entry.setSize(Files.size(file));
        tar.putArchiveEntry(entry);
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(tar);
        }
        tar.closeArchiveEntry();
    }

    private static void writeFile(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = entry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static void writeDirectory(TarArchiveOutputStream tar, String name) throws IOException {
        tar.putArchiveEntry(entry(name));
        tar.closeArchiveEntry();
    }

    /** Files 0644, directories 0755 (a name ending in "/"), root's, dated 1970 like docker's documents. */
    private static TarArchiveEntry entry(String name) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(name.endsWith("/") ? 040755 : 0100644);
        entry.setIds(0, 0);
        entry.setUserName("");
        entry.setGroupName("");
        entry.setModTime(EPOCH);
        return entry;
    }
}
