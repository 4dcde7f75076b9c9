package io.minicontainer.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a file of an image without mounting it: looks through the unpacked layers from the top,
 * honouring overlayfs whiteouts (a 0:0 character device hides the path below) and opaque
 * directories. Enough for /etc/passwd and /etc/group; symlinks are not followed (a link that
 * leaves the image must never be read on the host).
 */
final class LayeredFiles {
    private final List<Path> layersTopFirst;

    LayeredFiles(List<Path> layersTopFirst) {
        this.layersTopFirst = List.copyOf(layersTopFirst);
    }

    Optional<String> read(String absolutePath) {
        String relative = absolutePath.replaceFirst("^/+", "");
        for (Path layer : layersTopFirst) {
            Path candidate = layer.resolve(relative);
            if (Files.isSymbolicLink(candidate) || hasSymlinkedParent(layer, relative)) {
                return Optional.empty();
            }
            if (Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return readText(candidate);
            }
            if (isWhiteout(candidate) || parentIsOpaque(layer, relative)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The directories on the way to {@code relative} inside one layer, outermost first. */
    private static List<Path> parents(Path layer, String relative) {
        List<Path> parents = new ArrayList<>();
        Path parent = Path.of(relative).getParent();
        Path current = layer;
        for (Path part : parent == null ? List.<Path>of() : parent) {
            current = current.resolve(part);
            parents.add(current);
        }
        return parents;
    }

    private static boolean hasSymlinkedParent(Path layer, String relative) {
        return parents(layer, relative).stream().anyMatch(Files::isSymbolicLink);
    }

    private static boolean isWhiteout(Path path) {
        try {
            PosixFileAttributes attrs = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attrs.isOther() && ((Number) Files.getAttribute(path, "unix:rdev", LinkOption.NOFOLLOW_LINKS))
                    .longValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** An opaque directory on the way hides everything below this layer. */
    private static boolean parentIsOpaque(Path layer, String relative) {
        return parents(layer, relative).stream()
                .anyMatch(dir -> Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && OpaqueMarker.isOpaque(dir));
    }

    private static Optional<String> readText(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
