package io.minicontainer.cgroups;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Containers' cgroups on cgroup v2: {@code ROOT/PARENT/NAME}, with the controllers handed down to it. */
final class CgroupsV2 implements Cgroups {
    private final V2Hierarchy hierarchy;
    private final Timeouts timeouts;

    /** {@code created}: told of each directory made, for tests that play the kernel's part. */
    CgroupsV2(Path root, String parent, Timeouts timeouts, Consumer<Path> created) {
        this.hierarchy = new V2Hierarchy(root, parent, created);
        this.timeouts = timeouts;
    }

    @Override
    public Cgroup create(String name, Limits limits) {
        Path dir = hierarchy.leaf(name);
        Set<String> needed = LimitControllers.of(limits);
        hierarchy.require(needed);
        hierarchy.prepareParent(hierarchy.wanted(needed));
        if (!hierarchy.mkdir(dir)) {
            throw new CgroupException("create cgroup: " + dir + " already exists");
        }
        CgroupV2 cgroup = new CgroupV2(hierarchy, dir, timeouts);
        try {
            V2Limits.write(dir, limits);
        } catch (RuntimeException e) {
            try {
                CgroupFiles.removeTree(dir, timeouts.rmdir());
            } catch (CgroupException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return cgroup;
    }

    @Override
    public Optional<Cgroup> open(String name) {
        Path dir = hierarchy.leaf(name);
        return Files.isDirectory(dir) ? Optional.of(new CgroupV2(hierarchy, dir, timeouts)) : Optional.empty();
    }

    @Override
    public CgroupMode mode() {
        return CgroupMode.V2;
    }
}
