package io.minicontainer.engine;

import io.minicontainer.oci.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The host's device nodes, for a privileged container: it gets a copy of each (mknod in its own /dev
 * tmpfs), not the host's /dev itself, so what it deletes or adds there stays its own. As docker: not
 * the host's ptys, shm, mqueue or console, which the container has of its own; nor ptmx, which is a
 * link to the container's own pts/ptmx.
 */
final class HostDevices {
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("pts", "shm", "mqueue", "fd", ".lxc", ".lxd-mounts",
            ".udev");
    private static final Set<String> SKIPPED_NODES = Set.of("console", "ptmx");

    private HostDevices() {}

    static List<Spec.Device> scan(Path dev) {
        List<Spec.Device> devices = new ArrayList<>();
        try {
            Files.walkFileTree(dev, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(dev) && SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isOther() && !(file.getParent().equals(dev)
                            && SKIPPED_NODES.contains(file.getFileName().toString()))) {
                        try {
                            DeviceAccess.node(file, "/dev/" + dev.relativize(file), LinkOption.NOFOLLOW_LINKS)
                                    .ifPresent(devices::add); // sockets and FIFOs are "other" too
                        } catch (NoSuchFileException e) {
                            // a node that went away while we looked
                        }
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
}
