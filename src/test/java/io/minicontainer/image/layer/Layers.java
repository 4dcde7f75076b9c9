package io.minicontainer.image.layer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.airlift.compress.v3.zstd.ZstdOutputStream;
import io.minicontainer.sys.FileCalls;
import io.minicontainer.sys.SyscallException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** Test helpers: unpacking in-memory tars, compressing them, reading back what landed on disk. */
final class Layers {
    private static final int ENODATA = 61;

    private Layers() {}

    /** Owners, devices and trusted xattrs need root; these tests run as root like the integration tests. */
    static void assumeRoot() {
        try {
            assumeTrue((int) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0, "needs root");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UnpackResult unpack(byte[] tar, Path target) throws IOException {
        return LayerUnpacker.unpack(new ByteArrayInputStream(tar), Compression.NONE, target);
    }

    static byte[] gzip(byte[] tar) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(tar);
        }
        return bytes.toByteArray();
    }

    static byte[] zstd(byte[] tar) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new ZstdOutputStream(bytes)) {
            out.write(tar);
        }
        return bytes.toByteArray();
    }

    static Map<String, Object> unix(Path path) throws IOException {
        return Files.readAttributes(path, "unix:*", LinkOption.NOFOLLOW_LINKS);
    }

    /** The permission bits with setuid, setgid and sticky. */
    static int permissions(Path path) throws IOException {
        return (int) unix(path).get("mode") & 07777;
    }

    /** Whether overlayfs will see {@code directory} as opaque: trusted.overlay.opaque is "y". */
    static boolean isOpaque(Path directory) {
        try {
            return Arrays.equals(FileCalls.lgetxattr(directory, "trusted.overlay.opaque"), new byte[] {'y'});
        } catch (SyscallException e) {
            if (e.errno() == ENODATA) {
                return false;
            }
            throw e;
        }
    }

    /** "c 0 0" for a whiteout: the type letter, then major and minor for devices. */
    static String device(Path path) throws IOException {
        Map<String, Object> unix = unix(path);
        int type = (int) unix.get("mode") & 0170000;
        long rdev = (long) unix.get("rdev");
        String letter = switch (type) {
            case 0020000 -> "c";
            case 0060000 -> "b";
            case 0010000 -> "p";
            default -> "?";
        };
        return letter + " " + ((rdev >> 8) & 0xfff) + " " + ((rdev & 0xff) | ((rdev >> 12) & 0xfff00));
    }

    /** Removes everything in {@code directory}, never following a symlink. */
    static void empty(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(directory)) {
                    Files.delete(path);
                }
            }
        }
    }

    /** Every path under {@code root} but {@code excluded}, with what identifies its state, to prove nothing changed. */
    static Map<String, String> snapshot(Path root, Path excluded) throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> !p.startsWith(excluded)).toList()) {
                Map<String, Object> unix = unix(path);
                String link = Files.isSymbolicLink(path) ? " -> " + Files.readSymbolicLink(path) : "";
                state.put(root.relativize(path).toString(), unix.get("mode") + " " + unix.get("uid") + " "
                        + unix.get("size") + " " + unix.get("lastModifiedTime") + " " + unix.get("ctime") + link);
            }
        }
        return state;
    }
}
