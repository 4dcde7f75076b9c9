package io.minicontainer.cgroups;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The host's cgroup system: v1 or v2 behind one interface, chosen by what the host mounts. */
public interface Cgroups {

    /**
     * Creates the cgroup {@code PARENT/name} (parent: "minicontainer" unless configured, so tests can
     * use their own) with those limits; a failure removes what it created. A limit whose controller the
     * host lacks is an error naming it.
     */
    Cgroup create(String name, Limits limits);

    /** An existing cgroup, or empty when it is gone (e.g. after a reboot). */
    Optional<Cgroup> open(String name);

    /** v1, v2 (or "hybrid, using v1"), for version and error messages. */
    CgroupMode mode();

    /**
     * This host's cgroups as /proc/self/mountinfo shows them: v2 when cgroup2 is at /sys/fs/cgroup,
     * v1 on v1 and hybrid hosts, none (every create fails) without cgroups. Cgroups go to
     * {@code PARENT/NAME} at the root of each hierarchy, not under the caller's own cgroup.
     */
    static Cgroups forHost(String parent) {
        Path mountinfo = Path.of("/proc/self/mountinfo");
        try {
            return fromMountinfo(Files.readString(mountinfo), parent);
        } catch (IOException e) {
            throw CgroupFiles.failure("find cgroups", "read", mountinfo, e);
        }
    }

    /** As {@link #forHost}, from the text of a mountinfo file. */
    static Cgroups fromMountinfo(String mountinfo, String parent) {
        CgroupMounts mounts = CgroupMounts.parse(mountinfo);
        return switch (mounts.mode()) {
            case V2 -> v2(mounts.unified().orElseThrow(), parent);
            case V1, HYBRID -> new CgroupsV1(mounts.mode(), mounts.controllers(), parent, Timeouts.DEFAULT);
            case NONE -> new NoCgroups();
        };
    }

    /** cgroup v2 mounted at {@code root} (e.g. a test's directory laid out as the kernel would). */
    static Cgroups v2(Path root, String parent) {
        return new CgroupsV2(root, parent, Timeouts.DEFAULT, dir -> {});
    }

    /**
     * cgroup v1 with each controller's hierarchy where {@code controllerMounts} says (memory ->
     * /sys/fs/cgroup/memory, cpu and cpuacct -> /sys/fs/cgroup/cpu,cpuacct ...); controllers this
     * package does not use are ignored.
     */
    static Cgroups v1(Map<String, Path> controllerMounts, String parent) {
        Map<String, Path> used = controllerMounts.entrySet().stream()
                .filter(entry -> CgroupMounts.V1_CONTROLLERS.contains(entry.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new CgroupsV1(CgroupMode.V1, used, parent, Timeouts.DEFAULT);
    }
}
