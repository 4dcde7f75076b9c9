package io.minicontainer.cgroups;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Containers' cgroups on cgroup v1 (and hybrid hosts, whose controllers are all v1):
 * {@code MOUNT/PARENT/NAME} in each controller's hierarchy, at its root rather than under the
 * caller's own cgroup.
 */
final class CgroupsV1 implements Cgroups {
    private final CgroupMode mode;
    private final Map<String, Path> mounts;
    private final String parent;
    private final Timeouts timeouts;

    /** {@code mounts}: each controller and where its hierarchy is mounted (co-mounted ones share a path). */
    CgroupsV1(CgroupMode mode, Map<String, Path> mounts, String parent, Timeouts timeouts) {
        this.mode = mode;
        this.mounts = Map.copyOf(mounts);
        this.parent = parent;
        this.timeouts = timeouts;
        CgroupNames.parentSegments(parent);
    }

    @Override
    public Cgroup create(String name, Limits limits) {
        CgroupNames.checkName(name);
        if (mounts.isEmpty()) {
            throw new CgroupException("cannot create cgroup " + parent + "/" + name
                    + ": no cgroup v1 controller is mounted under /sys/fs/cgroup");
        }
        Map<String, Path> dirs = leaves(name);
        List<Path> created = new ArrayList<>();
        try {
            for (Path mount : mounts.values().stream().distinct().sorted().toList()) {
                created.add(makeLeaf(mount, name));
            }
            CgroupV1 cgroup = new CgroupV1(dirs, timeouts);
            cgroup.setLimits(limits);
            return cgroup;
        } catch (RuntimeException e) {
            for (Path dir : created.reversed()) {
                try {
                    CgroupFiles.removeTree(dir, timeouts.rmdir());
                } catch (CgroupException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    /** Makes PARENT (if need be) and PARENT/NAME in one hierarchy; a cpuset one gets its parent's cpus and mems. */
    private Path makeLeaf(Path mount, String name) {
        boolean cpuset = mount.equals(mounts.get("cpuset"));
        Path dir = mount;
        for (String segment : CgroupNames.parentSegments(parent)) {
            dir = dir.resolve(segment);
            CgroupFiles.mkdir("create cgroup", dir);
            if (cpuset) {
                inheritCpuset(dir);
            }
        }
        Path leaf = dir.resolve(name);
        if (!CgroupFiles.mkdir("create cgroup", leaf)) {
            throw new CgroupException("create cgroup: " + leaf + " already exists");
        }
        if (cpuset) {
            inheritCpuset(leaf);
        }
        return leaf;
    }

    /**
     * A new v1 cpuset has no cpus and no mems, and no process may join it until it has: copy the
     * parent's (only when empty, so a parent's own setting stays).
     */
    private static void inheritCpuset(Path dir) {
        for (String file : List.of("cpuset.cpus", "cpuset.mems")) {
            if (CgroupFiles.read("read " + file, dir.resolve(file)).isBlank()) {
                String parentValue = CgroupFiles.read("read " + file, dir.getParent().resolve(file)).strip();
                if (!parentValue.isEmpty()) {
                    CgroupFiles.write("copy " + file + " from the parent cgroup", dir.resolve(file), parentValue);
                }
            }
        }
    }

    @Override
    public Optional<Cgroup> open(String name) {
        Map<String, Path> existing = new LinkedHashMap<>();
        leaves(name).forEach((controller, dir) -> {
            if (Files.isDirectory(dir)) {
                existing.put(controller, dir);
            }
        });
        return existing.isEmpty() ? Optional.empty() : Optional.of(new CgroupV1(existing, timeouts));
    }

    private Map<String, Path> leaves(String name) {
        Map<String, Path> dirs = new LinkedHashMap<>();
        mounts.forEach((controller, mount) -> dirs.put(controller, CgroupNames.leaf(mount, parent, name)));
        return dirs;
    }

    @Override
    public CgroupMode mode() {
        return mode;
    }
}
