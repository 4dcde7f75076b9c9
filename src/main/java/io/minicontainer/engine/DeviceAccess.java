package io.minicontainer.engine;

import io.minicontainer.oci.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a container may do with devices: the nodes --device adds, and the device cgroup's rules,
 * docker's (runc's) defaults first: deny everything, then allow mknod of any node (opening one is
 * another matter), the default devices, /dev/console, the pseudo-terminals and /dev/net/tun. A
 * privileged container instead gets a copy of each of the host's devices, and every one is open.
 */
record DeviceAccess(List<Spec.Device> nodes, List<Spec.DeviceRule> rules) {
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final Path HOST_DEV = Path.of("/dev");

    static final List<Spec.DeviceRule> DEFAULT_RULES = List.of(
            new Spec.DeviceRule(false, "a", -1, -1, "rwm"),
            new Spec.DeviceRule(true, "c", -1, -1, "m"), new Spec.DeviceRule(true, "b", -1, -1, "m"),
            allow(1, 3), allow(1, 5), allow(1, 7), allow(1, 8), allow(1, 9), allow(5, 0), // null zero full random urandom tty
            allow(5, 1), allow(5, 2), allow(136, -1), allow(10, 200)); // console, ptmx, pts/*, net/tun

    /** --privileged: every device, every access. */
    static final Spec.DeviceRule ALLOW_ALL = new Spec.DeviceRule(true, "a", -1, -1, "rwm");

    DeviceAccess {
        nodes = List.copyOf(nodes);
        rules = List.copyOf(rules);
    }

    private static Spec.DeviceRule allow(long major, long minor) {
        return new Spec.DeviceRule(true, "c", major, minor, "rwm");
    }

    /**
     * The host's nodes, read now (following symlinks, as docker does); a missing one or a non-device is an error.
     * {@code privileged}: the host's whole /dev as well, each --device replacing the host's node at its path.
     */
    static DeviceAccess resolve(List<DeviceRequest> requests, boolean privileged) {
        List<Spec.Device> nodes = new ArrayList<>(privileged ? HostDevices.scan(HOST_DEV) : List.of());
        List<Spec.DeviceRule> rules = new ArrayList<>(privileged ? List.of(ALLOW_ALL) : DEFAULT_RULES);
        for (DeviceRequest request : requests) {
            Spec.Device node = hostNode(request);
            nodes.removeIf(existing -> existing.path().equals(node.path()));
            nodes.add(node);
            rules.add(new Spec.DeviceRule(true, node.type(), node.major(), node.minor(), request.permissions()));
        }
        return new DeviceAccess(nodes, rules);
    }

    private static Spec.Device hostNode(DeviceRequest request) {
        try {
            return node(Path.of(request.pathOnHost()), request.pathInContainer())
                    .orElseThrow(() -> gathering(request, "not a device node"));
        } catch (NoSuchFileException e) {
            throw gathering(request, "no such file or directory");
        } catch (IOException | UnsupportedOperationException e) {
            throw gathering(request, e.getMessage());
        }
    }

    /** The character or block device at {@code file}, as the container gets it at {@code path}; empty for any other file. */
    static Optional<Spec.Device> node(Path file, String path, LinkOption... options) throws IOException {
        Map<String, Object> unix = Files.readAttributes(file, "unix:mode,rdev,uid,gid", options);
        int mode = (int) unix.get("mode");
        int kind = mode & S_IFMT;
        if (kind != S_IFCHR && kind != S_IFBLK) {
            return Optional.empty();
        }
        long rdev = (long) unix.get("rdev");
        return Optional.of(new Spec.Device(path, kind == S_IFCHR ? "c" : "b", major(rdev), minor(rdev), mode & 07777,
                (int) unix.get("uid") & 0xffffffffL, (int) unix.get("gid") & 0xffffffffL));
    }

    /** glibc's gnu_dev_major and gnu_dev_minor. */
    static long major(long rdev) {
        return ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & 0xfffff000L);
    }

    static long minor(long rdev) {
        return (rdev & 0xff) | ((rdev >>> 12) & 0xffffff00L);
    }

    private static EngineException gathering(DeviceRequest request, String reason) {
        return new EngineException("error gathering device information while adding custom device \""
                + request.pathOnHost() + "\": " + reason);
    }
}
