package io.minicontainer.image.archive;

import io.minicontainer.json.JsonException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an image archive into a scratch directory and finds its images. With an index.json it is an
 * OCI layout (docker 25+ writes both documents; the OCI side keeps the manifests byte for byte);
 * otherwise manifest.json makes it a docker-archive. When index.json cannot be used and
 * manifest.json is there too, manifest.json is used: the two describe the same images.
 */
final class ArchiveReader {
    private ArchiveReader() {}

    static List<ArchivedImage> read(InputStream archive, Path scratch) throws IOException {
        return images(SpooledArchive.read(archive, scratch));
    }

    static List<ArchivedImage> images(SpooledArchive archive) throws IOException {
        boolean oci = archive.has(OciIndexJson.FILE);
        boolean docker = archive.has(DockerManifestJson.FILE);
        if (!oci && !docker) {
            throw new IOException("the archive has neither " + OciIndexJson.FILE + " nor " + DockerManifestJson.FILE
                    + ": it is truncated, or not an image archive");
        }
        if (!oci) {
            return asDocuments(() -> DockerArchiveImages.read(archive));
        }
        try {
            return asDocuments(() -> OciLayoutImages.read(archive));
        } catch (IOException unusable) {
            if (!docker) {
                throw unusable;
            }
            try {
                return asDocuments(() -> DockerArchiveImages.read(archive));
            } catch (IOException alsoUnusable) {
                unusable.addSuppressed(alsoUnusable);
                throw unusable;
            }
        }
    }

    private interface Reading {
        List<ArchivedImage> images() throws IOException;
    }

    /** A document that does not parse, or names something impossible, is an archive problem like any other. */
    private static List<ArchivedImage> asDocuments(Reading reading) throws IOException {
        try {
            return reading.images();
        } catch (JsonException | IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
