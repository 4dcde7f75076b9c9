package io.minicontainer.image.archive;

import io.minicontainer.image.layer.EntryNames;
import java.io.IOException;
import java.util.List;

/**
 * Names inside an image archive, never trusted: every entry name and link target becomes a plain
 * relative path ({@code blobs/sha256/HEX}) or is refused. Nothing here touches the file system.
 */
final class ArchivePaths {
    private ArchivePaths() {}

    /**
     * An entry's name without "./" prefixes, empty components or a trailing "/"; refused when it is
     * absolute, has a ".." component (no image archive needs one), or names nothing.
     */
    static String entryName(String name) throws IOException {
        if (name.startsWith("/")) {
            throw new IOException("archive entry \"" + name + "\" has an absolute path");
        }
        if (List.of(name.split("/")).contains("..")) {
            throw new IOException("archive entry \"" + name + "\" has a \"..\" component");
        }
        String normalized = EntryNames.normalize(name);
        if (normalized == null || normalized.isEmpty() || normalized.indexOf('\0') >= 0) {
            throw new IOException("archive entry \"" + name + "\" has no usable name");
        }
        return normalized;
    }

    /** Where a symbolic link at {@code linkName} points, relative to the archive's root; refused when outside. */
    static String symlinkTarget(String linkName, String target) throws IOException {
        if (target.startsWith("/")) {
            throw new IOException("archive link \"" + linkName + "\" points to the absolute path \"" + target + "\"");
        }
        int slash = linkName.lastIndexOf('/');
        String directory = slash < 0 ? "" : linkName.substring(0, slash + 1);
        return within(linkName, target, EntryNames.normalize(directory + target));
    }

    /** Where a hard link points: tar names its target from the archive's root. */
    static String hardLinkTarget(String linkName, String target) throws IOException {
        if (target.startsWith("/")) {
            throw new IOException("archive link \"" + linkName + "\" points to the absolute path \"" + target + "\"");
        }
        return within(linkName, target, EntryNames.normalize(target));
    }

    /** A path a document (manifest.json) names: the same rules as entry names. */
    static String documentPath(String path, String document) throws IOException {
        try {
            return entryName(path);
        } catch (IOException e) {
            throw new IOException(document + " names \"" + path + "\", which cannot be a path inside the archive");
        }
    }

    private static String within(String linkName, String target, String resolved) throws IOException {
        if (resolved == null || resolved.isEmpty()) {
            throw new IOException("archive link \"" + linkName + "\" points out of the archive (\"" + target + "\")");
        }
        return resolved;
    }
}
