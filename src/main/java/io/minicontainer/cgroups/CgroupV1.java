package io.minicontainer.cgroups;

import io.minicontainer.oci.Spec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** A container's cgroup on cgroup v1: a directory in each controller's hierarchy (one for co-mounted ones). */
final class CgroupV1 extends BaseCgroup {
    /** Newest first: the throttle files count all I/O since CFQ went away; CFQ's own file on old kernels. */
    private static final List<String> BLKIO_FILES = List.of("blkio.throttle.io_service_bytes_recursive",
            "blkio.throttle.io_service_bytes", "blkio.io_service_bytes_recursive");

    private final Map<String, Path> dirs;

    /** {@code dirs}: each controller's directory for this cgroup. */
    CgroupV1(Map<String, Path> dirs, Timeouts timeouts) {
        super(timeouts);
        this.dirs = Map.copyOf(dirs);
    }

    @Override
    public List<Path> procsFiles() {
        return directories().stream().map(dir -> dir.resolve("cgroup.procs")).toList();
    }

    @Override
    public Optional<Path> oomEventsFile() {
        return dir("memory").map(dir -> dir.resolve("memory.oom_control"));
    }

    /** One per hierarchy, in a stable order. */
    @Override
    public List<Path> directories() {
        return dirs.values().stream().distinct().sorted().toList();
    }

    @Override
    public void setLimits(Limits limits) {
        V1Limits.write(dirs, limits);
    }

    /** devices.deny and devices.allow, one rule a write; a host without the devices controller has none to write. */
    @Override
    public void restrictDevices(List<Spec.DeviceRule> rules) {
        dir("devices").ifPresent(dir -> {
            for (Spec.DeviceRule rule : rules) {
                String line = DeviceRules.v1Line(rule);
                CgroupFiles.write((rule.allow() ? "allow" : "deny") + " devices " + line,
                        dir.resolve(rule.allow() ? "devices.allow" : "devices.deny"), line);
            }
        });
    }

    @Override
    public CgroupStats stats() {
        long cpu = dir("cpuacct").map(dir -> CgroupFiles.readLong("read cpu usage", dir.resolve("cpuacct.usage")))
                .orElse(OptionalLong.empty()).orElse(-1);
        long memory = -1;
        long memoryLimit = -1;
        if (dir("memory").isPresent()) {
            Path dir = dir("memory").get();
            memory = StatFiles.memoryInUse(CgroupFiles.readLong("read memory usage", dir.resolve("memory.usage_in_bytes")),
                    CgroupFiles.readIfExists("read memory stats", dir.resolve("memory.stat")), "total_inactive_file");
            memoryLimit = StatFiles.memoryLimit(CgroupFiles.readIfExists("read memory limit",
                    dir.resolve("memory.limit_in_bytes")));
        }
        long pids = dir("pids").map(dir -> CgroupFiles.readLong("read pids", dir.resolve("pids.current")))
                .orElse(OptionalLong.empty()).orElse(-1);
        StatFiles.ReadWrite io = dir("blkio").map(CgroupV1::blkio).orElse(StatFiles.ReadWrite.UNKNOWN);
        return new CgroupStats(cpu, memory, memoryLimit, pids, io.read(), io.written());
    }

    private static StatFiles.ReadWrite blkio(Path dir) {
        for (String file : BLKIO_FILES) {
            Optional<String> text = CgroupFiles.readIfExists("read block I/O stats", dir.resolve(file));
            if (text.isPresent()) {
                return StatFiles.blkio(text.get());
            }
        }
        return StatFiles.ReadWrite.UNKNOWN;
    }

    @Override
    boolean canFreeze() {
        return dirs.containsKey("freezer");
    }

    @Override
    void requestFreeze() {
        CgroupFiles.write("freeze", freezerState(), "FROZEN");
    }

    @Override
    public void thaw() {
        CgroupFiles.write("thaw", freezerState(), "THAWED");
    }

    /** FROZEN, not FREEZING: some task has not stopped yet. */
    @Override
    public boolean frozen() {
        return dir("freezer").flatMap(dir -> CgroupFiles.readIfExists("read freezer state", dir.resolve("freezer.state")))
                .map(state -> state.strip().equals("FROZEN")).orElse(false);
    }

    private Path freezerState() {
        return dir("freezer").orElseThrow(() -> new CgroupException("cannot freeze " + describe()
                + ": the freezer cgroup controller is not mounted")).resolve("freezer.state");
    }

    private Optional<Path> dir(String controller) {
        return Optional.ofNullable(dirs.get(controller));
    }

    @Override
    String describe() {
        return "cgroup " + dir("memory").or(() -> directories().stream().findFirst()).map(Path::toString).orElse("?");
    }
}
