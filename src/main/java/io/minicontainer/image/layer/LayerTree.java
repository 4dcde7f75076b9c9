package io.minicontainer.image.layer;

import io.minicontainer.sys.FileCalls;
import io.minicontainer.sys.SyscallException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The layer's directory, and the only way to reach paths inside it.
 *
 * <p>Every parent of a path that gets written is checked to be a real directory inside the layer,
 * never a symlink, so no write can land outside it. Nothing else writes into a layer that is being
 * unpacked, so a directory checked (or created) once stays checked until this class removes it:
 * a well-formed tar costs no extra system call per entry.
 */
final class LayerTree {
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int IMPLICIT_DIRECTORY_MODE = 0755;

    private final Path root;
    /**
     * The directories known to be real, by relative name ("" is the root), with the times to give
     * them at the end (null for directories the tar did not list). The parents of a known
     * directory are known.
     */
    private final TreeMap<String, EntryTimes> knownDirectories = new TreeMap<>();

    private LayerTree(Path root) {
        this.root = root;
        knownDirectories.put("", null);
    }

    /** The layer rooted at {@code target}, which must be an existing empty directory. */
    static LayerTree open(Path target) throws IOException {
        Path root = target.toRealPath();
        if (!Files.isDirectory(root)) {
            throw new IOException("layer directory " + target + " is not a directory");
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            if (children.iterator().hasNext()) {
                throw new IOException("layer directory " + target + " is not empty");
            }
        }
        return new LayerTree(root);
    }

    Path path(String relative) {
        return relative.isEmpty() ? root : root.resolve(relative);
    }

    /** Makes every parent of {@code relative} a real directory, creating missing ones as docker does (0755). */
    void prepareParents(String entry, String relative) throws IOException {
        for (String parent : unknownParents(relative)) {
            BasicFileAttributes existing = lstat(parent);
            if (existing == null) {
                createImplicitDirectory(parent);
            } else if (existing.isDirectory()) {
                knownDirectories.put(parent, null);
            } else if (existing.isSymbolicLink()) {
                throw new LayerException(entry, "would be written through the symlink \"" + parent + "\"");
            } else if (isWhiteout(parent, existing)) {
                // a directory where this layer deleted one: it must not show the lower layers' files
                remove(parent);
                createImplicitDirectory(parent);
                Overlay.markOpaque(path(parent));
            } else {
                throw new LayerException(entry, "\"" + parent + "\" is not a directory");
            }
        }
    }

    /** Checks, creating nothing, that every parent of a hard link's target is a real directory. */
    void checkLinkTargetParents(String entry, String target) throws IOException {
        for (String parent : unknownParents(target)) {
            BasicFileAttributes existing = lstat(parent);
            if (existing == null) {
                throw new LayerException(entry, "hard link target \"" + target + "\" is not in this layer");
            } else if (existing.isSymbolicLink()) {
                throw new LayerException(entry, "hard link target \"" + target + "\" is reached through the symlink \""
                        + parent + "\"");
            } else if (!existing.isDirectory()) {
                throw new LayerException(entry, "hard link target \"" + target + "\": \"" + parent
                        + "\" is not a directory");
            }
            knownDirectories.put(parent, null);
        }
    }

    /** The parents of {@code relative}, top down, not yet known to be real directories. */
    private List<String> unknownParents(String relative) {
        String parent = EntryNames.parent(relative);
        if (knownDirectories.containsKey(parent)) {
            return List.of();
        }
        List<String> unknown = new ArrayList<>();
        for (int slash = relative.indexOf('/'); slash >= 0; slash = relative.indexOf('/', slash + 1)) {
            String ancestor = relative.substring(0, slash);
            if (!knownDirectories.containsKey(ancestor)) {
                unknown.add(ancestor);
            }
        }
        return unknown;
    }

    private void createImplicitDirectory(String relative) throws IOException {
        Path directory = Files.createDirectory(path(relative));
        FileCalls.chmod(directory, IMPLICIT_DIRECTORY_MODE); // whatever the umask
        knownDirectories.put(relative, null);
    }

    /** Records that {@code relative} is a real directory now, to get these times at the end. */
    void rememberDirectory(String relative, EntryTimes times) {
        knownDirectories.put(relative, times);
    }

    /** What is at {@code relative}, not following a symlink; null when nothing is. */
    BasicFileAttributes lstat(String relative) throws IOException {
        try {
            return Files.readAttributes(path(relative), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** An overlayfs whiteout: a character device 0:0. */
    boolean isWhiteout(String relative, BasicFileAttributes attributes) throws IOException {
        if (!attributes.isOther()) {
            return false;
        }
        Map<String, Object> unix = Files.readAttributes(path(relative), "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
        return ((int) unix.get("mode") & S_IFMT) == S_IFCHR && (long) unix.get("rdev") == 0;
    }

    /** Removes what is at {@code relative}, a directory with everything in it; symlinks are removed, never followed. */
    void remove(String relative) throws IOException {
        Files.walkFileTree(path(relative), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
        knownDirectories.remove(relative);
        knownDirectories.subMap(relative + "/", true, relative + "0", false).clear(); // '0' follows '/'
    }

    /** Gives the directories the tar listed their times, now that nothing is created in them any more. */
    void applyDirectoryTimes() throws LayerException {
        for (Map.Entry<String, EntryTimes> directory : knownDirectories.entrySet()) {
            EntryTimes times = directory.getValue();
            if (times != null) {
                try {
                    FileCalls.lutimens(path(directory.getKey()), times.access(), times.modification());
                } catch (SyscallException e) {
                    throw new LayerException(directory.getKey(), e.getMessage());
                }
            }
        }
    }
}
