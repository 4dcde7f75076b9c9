package io.minicontainer.image.archive;

import io.minicontainer.image.ImageReference;
import io.minicontainer.image.layer.Compression;
import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageJson;
import io.minicontainer.oci.ImageSpec.Config;
import io.minicontainer.oci.ImageSpec.Descriptor;
import io.minicontainer.oci.ImageSpec.Manifest;
import io.minicontainer.oci.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The images of a docker-archive ({@code docker save} before 25, {@code podman save},
 * {@code skopeo copy ... docker-archive:}): manifest.json names each image's config and layer files,
 * at any path; layers may be plain tars or compressed. The archive has no manifest, so each image
 * gets an OCI manifest made from its files (as {@code import} makes one): the image id, the config's
 * digest, is the same as everywhere else.
 */
final class DockerArchiveImages {
    private DockerArchiveImages() {}

    static List<ArchivedImage> read(SpooledArchive archive) throws IOException {
        SpooledFile manifestFile = archive.file(DockerManifestJson.FILE, "the archive");
        List<DockerManifestJson.Entry> entries = SpooledArchive.parse(manifestFile, DockerManifestJson::parse);
        Map<Digest, ArchivedImage> byConfig = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            ArchivedImage image = image(archive, entries.get(i), DockerManifestJson.FILE + "[" + i + "]");
            ArchivedImage known = byConfig.get(image.configDigest());
            byConfig.put(image.configDigest(), known != null ? known.withTags(image.tags()) : image);
        }
        return List.copyOf(byConfig.values());
    }

    private static ArchivedImage image(SpooledArchive archive, DockerManifestJson.Entry entry, String where)
            throws IOException {
        SpooledFile configFile = archive.file(entry.config(), where);
        byte[] configBytes = SpooledArchive.read(configFile);
        Config config = SpooledArchive.parse(configFile, ImageJson::config);
        if (config.diffIds().size() != entry.layers().size()) {
            throw new IOException(where + " lists " + entry.layers().size() + " layers, the image config "
                    + config.diffIds().size());
        }
        List<ArchivedImage.Layer> layers = new ArrayList<>();
        for (int i = 0; i < entry.layers().size(); i++) {
            SpooledFile file = archive.file(entry.layers().get(i), where);
            layers.add(new ArchivedImage.Layer(file, sniff(file), config.diffIds().get(i)));
        }
        byte[] manifest = ImageJson.write(new Manifest(MediaTypes.OCI_MANIFEST,
                new Descriptor(MediaTypes.OCI_CONFIG, configFile.digest(), configFile.size()),
                layers.stream().map(layer -> new Descriptor(layer.compression().ociMediaType(), layer.digest(),
                        layer.file().size())).toList()));
        return new ArchivedImage(manifest, MediaTypes.OCI_MANIFEST, configBytes, config, layers,
                tags(entry.repoTags(), where));
    }

    private static List<ImageReference> tags(List<String> repoTags, String where) throws IOException {
        List<ImageReference> tags = new ArrayList<>();
        for (String repoTag : repoTags) {
            try {
                ImageReference reference = ImageReference.parse(repoTag);
                if (reference.digest() != null) {
                    throw new IllegalArgumentException("a digest is not a tag");
                }
                tags.add(reference);
            } catch (IllegalArgumentException e) {
                throw new IOException(where + ": RepoTags entry \"" + repoTag + "\" is not a tagged name: "
                        + e.getMessage(), e);
            }
        }
        return tags;
    }

    private static Compression sniff(SpooledFile layer) throws IOException {
        try (InputStream in = Files.newInputStream(layer.path())) {
            return Compression.sniff(in.readNBytes(4));
        }
    }
}
