package io.minicontainer.it.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * skopeo's {@code dir:} layout of an image or index from an {@link OciLayout}: {@code manifest.json},
 * {@code HEX.manifest.json} per listed image, and every blob as {@code HEX} (hard links, no copies).
 * The Docker schema 2 images go through it because skopeo 1.9's {@code oci:} transport finds a tag
 * only when index.json gives it an OCI media type, and lying there would push a mislabelled manifest.
 */
final class DirLayout {
    private DirLayout() {}

    static Path export(OciLayout layout, byte[] topManifest, List<BuiltImage> listed) throws IOException {
        Path dir = Files.createDirectory(layout.dir().resolveSibling(layout.dir().getFileName() + "-dir"));
        Files.writeString(dir.resolve("version"), "Directory Transport Version: 1.1\n");
        Files.write(dir.resolve("manifest.json"), topManifest);
        try (Stream<Path> blobs = Files.list(layout.dir().resolve("blobs/sha256"))) {
            for (Path blob : blobs.toList()) {
                Files.createLink(dir.resolve(blob.getFileName()), blob);
            }
        }
        for (BuiltImage image : listed) {
            Files.write(dir.resolve(image.digest().hex() + ".manifest.json"), image.manifestBytes());
        }
        return dir;
    }
}
