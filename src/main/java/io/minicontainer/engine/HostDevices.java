package io.minicontainer.engine;

import io.minicontainer.oci.Device;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The host's device nodes, for a privileged container: it gets a copy of each (mknod in its own /dev
 * tmpfs), not the host's /dev itself, so what it deletes or adds there stays its own. As docker: not
 * the host's ptys, shm, mqueue or console, which the container has of its own.
 */
final class HostDevices {
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("pts", "shm", "mqueue", "fd", ".lxc", ".lxd-mounts",
            ".udev");
    private static final int S_IFMT = 0170000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFCHR = 0020000;

    private HostDevices() {}

    static List<Device> scan(Path dev) {
        List<Device> devices = new ArrayList<>();
        try {
            Files.walkFileTree(dev, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(dev) && SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isOther() && !file.getFileName().toString().equals("console")) {
                        device(dev, file).ifPresent(devices::add);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // a node that went away while we looked
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("list the host's devices in " + dev + ": " + e.getMessage(), e);
        }
        return devices;
    }

    /** A character or block device (sockets and FIFOs are "other" too), with Linux's rdev split into major and minor. */
    private static Optional<Device> device(Path dev, Path file) throws IOException {
        Map<String, Object> unix = Files.readAttributes(file, "unix:mode,rdev,uid,gid", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) unix.get("mode");
        String type = switch (mode & S_IFMT) {
            case S_IFCHR -> "c";
            case S_IFBLK -> "b";
            default -> "";
        };
        if (type.isEmpty()) {
            return Optional.empty();
        }
        long rdev = (Long) unix.get("rdev");
        long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
        long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
        return Optional.of(new Device("/dev/" + dev.relativize(file), type, major, minor, mode & 07777,
                (Integer) unix.get("uid"), (Integer) unix.get("gid")));
    }
}
