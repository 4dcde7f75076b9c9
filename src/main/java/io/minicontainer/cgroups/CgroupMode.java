package io.minicontainer.cgroups;

/**
 * How the host mounts cgroups: v2 only (unified), v1 only (legacy), or both (hybrid: v1
 * controllers under /sys/fs/cgroup/NAME and a cgroup2 tree at /sys/fs/cgroup/unified).
 */
public enum CgroupMode {
    V2("v2 (unified)"),
    HYBRID("hybrid (v1 controllers, cgroup2 at /sys/fs/cgroup/unified)"),
    V1("v1 (legacy)"),
    NONE("none (no cgroup file system mounted)");

    private final String description;

    CgroupMode(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Reads the mode from the text of /proc/self/mountinfo. */
    public static CgroupMode fromMountinfo(String mountinfo) {
        boolean v1 = false;
        boolean unified = false;
        for (String line : mountinfo.split("\n")) {
            String[] halves = line.split(" - ", 2);
            String[] fields = halves[0].split(" ");
            if (halves.length < 2 || fields.length < 5) {
                continue;
            }
            String mountPoint = fields[4];
            String fsType = halves[1].split(" ")[0];
            if (fsType.equals("cgroup2") && mountPoint.equals("/sys/fs/cgroup")) {
                return V2;
            }
            unified |= fsType.equals("cgroup2") && mountPoint.equals("/sys/fs/cgroup/unified");
            v1 |= fsType.equals("cgroup") && mountPoint.startsWith("/sys/fs/cgroup/");
        }
        if (v1) {
            return unified ? HYBRID : V1;
        }
        return NONE;
    }
}
