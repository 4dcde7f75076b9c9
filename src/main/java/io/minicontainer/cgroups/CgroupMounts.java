package io.minicontainer.cgroups;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the host mounts its cgroup hierarchies, read from /proc/self/mountinfo.
 *
 * @param mode        v2, v1, hybrid or none, as {@link CgroupMode#fromMountinfo} says
 * @param unified     the cgroup2 mount at /sys/fs/cgroup (v2 only; hybrid's /sys/fs/cgroup/unified is not used)
 * @param controllers each v1 controller this package uses and its mount point: co-mounted controllers
 *                    (cpu,cpuacct) share one, as the kernel's super options say, whatever the directory is called
 */
record CgroupMounts(CgroupMode mode, Optional<Path> unified, Map<String, Path> controllers) {

    /** The v1 controllers a container's cgroup joins. */
    static final Set<String> V1_CONTROLLERS = Set.of("memory", "cpu", "cpuacct", "cpuset", "pids", "freezer", "blkio",
            "devices");

    private static final String V1_PREFIX = "/sys/fs/cgroup/";

    static CgroupMounts parse(String mountinfo) {
        CgroupMode mode = CgroupMode.fromMountinfo(mountinfo);
        Optional<Path> unified = Optional.empty();
        Map<String, Path> controllers = new LinkedHashMap<>();
        for (String line : mountinfo.split("\n")) {
            String[] halves = line.split(" - ", 2);
            String[] fields = halves[0].split(" ");
            if (halves.length < 2 || fields.length < 5) {
                continue;
            }
            String mountPoint = unescape(fields[4]);
            String[] after = halves[1].split(" ");
            String fsType = after[0];
            if (mode == CgroupMode.V2 && fsType.equals("cgroup2") && mountPoint.equals("/sys/fs/cgroup")) {
                unified = Optional.of(Path.of(mountPoint));
            }
            if (fsType.equals("cgroup") && mountPoint.startsWith(V1_PREFIX) && after.length >= 3) {
                for (String option : after[2].split(",")) {
                    if (V1_CONTROLLERS.contains(option)) {
                        controllers.putIfAbsent(option, Path.of(mountPoint));
                    }
                }
            }
        }
        return new CgroupMounts(mode, unified, mode == CgroupMode.V2 ? Map.of() : Map.copyOf(controllers));
    }

    /** mountinfo writes space, tab, newline and backslash in paths as octal escapes (\040). */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                text.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
