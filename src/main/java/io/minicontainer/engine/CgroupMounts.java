package io.minicontainer.engine;

import io.minicontainer.oci.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * The container's read-only /sys/fs/cgroup, shaped like the host's: one cgroup2 mount on a v2 host;
 * on a v1 or hybrid host a tmpfs with each v1 hierarchy mounted under its own name. The container
 * mounts them inside its cgroup namespace, so each shows its own cgroup as the root.
 */
final class CgroupMounts {
    private static final String ROOT = "/sys/fs/cgroup";
    private static final List<String> READ_ONLY = List.of("nosuid", "noexec", "nodev", "ro");

    private CgroupMounts() {}

    /** From the text of /proc/self/mountinfo; nothing when the host mounts no cgroup file system. */
    static List<Spec.Mount> forHost(String mountinfo) {
        List<Spec.Mount> v1 = new ArrayList<>();
        for (String line : mountinfo.split("\n")) {
            String[] halves = line.split(" - ", 2);
            String[] fields = halves[0].split(" ");
            if (halves.length < 2 || fields.length < 5) {
                continue;
            }
            String[] after = halves[1].split(" ");
            String mountPoint = fields[4];
            if (after[0].equals("cgroup2") && mountPoint.equals(ROOT)) {
                return List.of(new Spec.Mount(ROOT, "cgroup2", "cgroup", READ_ONLY));
            }
            if (after[0].equals("cgroup") && mountPoint.startsWith(ROOT + "/") && after.length > 2) {
                List<String> options = new ArrayList<>(READ_ONLY);
                options.addAll(hierarchyOptions(after[2]));
                v1.add(new Spec.Mount(mountPoint, "cgroup", "cgroup", options));
            }
        }
        if (v1.isEmpty()) {
            return List.of();
        }
        List<Spec.Mount> mounts = new ArrayList<>();
        mounts.add(new Spec.Mount(ROOT, "tmpfs", "tmpfs", List.of("nosuid", "noexec", "nodev", "mode=755", "size=64k")));
        mounts.addAll(v1);
        return mounts;
    }

    /** The super options that name the hierarchy (controllers, name=...), without rw/ro. */
    private static List<String> hierarchyOptions(String superOptions) {
        return List.of(superOptions.split(",")).stream().filter(o -> !o.equals("rw") && !o.equals("ro")).toList();
    }
}
