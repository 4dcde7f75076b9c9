package io.minicontainer.image.archive;

import io.minicontainer.image.ImageReference;
import io.minicontainer.image.Platforms;
import io.minicontainer.image.layer.Compression;
import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageJson;
import io.minicontainer.oci.ImageSpec.Config;
import io.minicontainer.oci.ImageSpec.Descriptor;
import io.minicontainer.oci.ImageSpec.Index;
import io.minicontainer.oci.ImageSpec.Manifest;
import io.minicontainer.oci.MediaTypes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The images of an OCI image layout archive (skopeo's {@code oci-archive:}, docker 25+'s save): each
 * entry of index.json is a manifest, or an index of which the host's platform is taken. Manifests
 * are kept byte for byte; entries naming one manifest are one image with several tags.
 */
final class OciLayoutImages {
    private final SpooledArchive archive;

    private OciLayoutImages(SpooledArchive archive) {
        this.archive = archive;
    }

    static List<ArchivedImage> read(SpooledArchive archive) throws IOException {
        return new OciLayoutImages(archive).images();
    }

    private List<ArchivedImage> images() throws IOException {
        SpooledFile indexFile = archive.file(OciIndexJson.FILE, "the archive");
        Index index = SpooledArchive.parse(indexFile, ImageJson::index);
        if (index.manifests().isEmpty()) {
            throw new IOException(OciIndexJson.FILE + " lists no image");
        }
        Map<Digest, ArchivedImage> byManifest = new LinkedHashMap<>();
        for (Descriptor entry : index.manifests()) {
            Descriptor manifest = manifestFor(entry);
            List<ImageReference> tags = OciIndexJson.nameOf(entry.annotations()).map(List::of).orElse(List.of());
            ArchivedImage known = byManifest.get(manifest.digest());
            byManifest.put(manifest.digest(), known != null ? known.withTags(tags) : image(manifest, tags));
        }
        return List.copyOf(byManifest.values());
    }

    /** The entry itself, or for an index the manifest for this host among those the archive holds. */
    private Descriptor manifestFor(Descriptor entry) throws IOException {
        SpooledFile document = archive.blob(entry, "manifest");
        String type = SpooledArchive.parse(document, bytes -> mediaType(entry, bytes));
        if (!MediaTypes.isIndex(type)) {
            return entry;
        }
        List<Descriptor> present = new ArrayList<>();
        for (Descriptor listed : SpooledArchive.parse(document, ImageJson::index).manifests()) {
            if (archive.has("blobs/sha256/" + listed.digest().hex())) {
                present.add(listed);
            }
        }
        try {
            return Platforms.select(new Index(type, present), Platforms.host());
        } catch (IllegalArgumentException e) {
            throw new IOException("index " + entry.digest() + " in the archive: " + e.getMessage(), e);
        }
    }

    private ArchivedImage image(Descriptor descriptor, List<ImageReference> tags) throws IOException {
        SpooledFile manifestFile = archive.blob(descriptor, "manifest");
        String type = SpooledArchive.parse(manifestFile, bytes -> mediaType(descriptor, bytes));
        type = type.isEmpty() ? MediaTypes.OCI_MANIFEST : type; // OCI manifests need not state it
        if (!MediaTypes.isManifest(type)) {
            throw new IOException(OciIndexJson.FILE + " lists " + descriptor.digest() + " of unsupported type " + type);
        }
        Manifest manifest = SpooledArchive.parse(manifestFile, ImageJson::manifest);
        SpooledFile configFile = archive.blob(manifest.config(), "config");
        Config config = SpooledArchive.parse(configFile, ImageJson::config);
        if (config.diffIds().size() != manifest.layers().size()) {
            throw new IOException("manifest " + descriptor.digest() + " lists " + manifest.layers().size()
                    + " layers, its config " + config.diffIds().size());
        }
        List<ArchivedImage.Layer> layers = new ArrayList<>();
        for (int i = 0; i < manifest.layers().size(); i++) {
            Descriptor layer = manifest.layers().get(i);
            layers.add(new ArchivedImage.Layer(archive.blob(layer, "layer"), compression(layer), config.diffIds().get(i)));
        }
        return new ArchivedImage(SpooledArchive.read(manifestFile), type, SpooledArchive.read(configFile), config, layers,
                tags);
    }

    /** What the document says it is, else what its descriptor says; "" when neither says. */
    private static String mediaType(Descriptor descriptor, byte[] document) {
        String own = ImageJson.mediaType(document);
        return own.isEmpty() ? descriptor.mediaType() : own;
    }

    private static Compression compression(Descriptor layer) throws IOException {
        try {
            return Compression.fromMediaType(layer.mediaType());
        } catch (IllegalArgumentException e) {
            throw new IOException("layer " + layer.digest() + ": " + e.getMessage(), e);
        }
    }
}
