package io.minicontainer.cgroups;

import io.minicontainer.oci.Spec;
import io.minicontainer.sys.BpfDeviceFilter;
import io.minicontainer.sys.SyscallException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A container's cgroup on cgroup v2: one directory. */
final class CgroupV2 extends BaseCgroup {
    private final V2Hierarchy hierarchy;
    private final Path dir;

    CgroupV2(V2Hierarchy hierarchy, Path dir, Timeouts timeouts) {
        super(timeouts);
        this.hierarchy = hierarchy;
        this.dir = dir;
    }

    @Override
    public List<Path> procsFiles() {
        return List.of(dir.resolve("cgroup.procs"));
    }

    @Override
    public Optional<Path> oomEventsFile() {
        return Optional.of(dir.resolve("memory.events")).filter(Files::exists);
    }

    @Override
    public List<Path> directories() {
        return List.of(dir);
    }

    /** Enables what the limits need first: a cgroup made without a cpu limit has no cpu.max yet. */
    @Override
    public void setLimits(Limits limits) {
        hierarchy.require(LimitControllers.of(limits));
        hierarchy.prepareParent(LimitControllers.of(limits));
        V2Limits.write(dir, limits);
    }

    /** cgroup v2 has no devices files: the rules become an eBPF program attached to the cgroup. */
    @Override
    public void restrictDevices(List<Spec.DeviceRule> rules) {
        if (rules.isEmpty()) {
            return;
        }
        try {
            BpfDeviceFilter.attach(dir, DeviceFilterProgram.compile(rules));
        } catch (SyscallException e) {
            throw new CgroupException("restrict devices of " + describe() + ": " + e.getMessage());
        }
    }

    @Override
    public CgroupStats stats() {
        OptionalLong usageMicros = CgroupFiles.readIfExists("read cpu usage", dir.resolve("cpu.stat"))
                .map(text -> CgroupFiles.keyedValue(text, "usage_usec")).orElse(OptionalLong.empty());
        long memory = StatFiles.memoryInUse(CgroupFiles.readLong("read memory usage", dir.resolve("memory.current")),
                CgroupFiles.readIfExists("read memory stats", dir.resolve("memory.stat")), "inactive_file");
        long memoryLimit = StatFiles.memoryLimit(CgroupFiles.readIfExists("read memory limit", dir.resolve("memory.max")));
        long pids = CgroupFiles.readLong("read pids", dir.resolve("pids.current")).orElse(-1);
        StatFiles.ReadWrite io = CgroupFiles.readIfExists("read io stats", dir.resolve("io.stat")).map(StatFiles::ioStat)
                .orElse(StatFiles.ReadWrite.UNKNOWN);
        return new CgroupStats(usageMicros.isPresent() ? usageMicros.getAsLong() * 1000 : -1, memory, memoryLimit, pids,
                io.read(), io.written());
    }

    @Override
    boolean canFreeze() {
        return Files.exists(dir.resolve("cgroup.freeze"));
    }

    @Override
    void requestFreeze() {
        CgroupFiles.write("freeze", dir.resolve("cgroup.freeze"), "1");
    }

    @Override
    public void thaw() {
        CgroupFiles.write("thaw", dir.resolve("cgroup.freeze"), "0");
    }

    @Override
    public boolean frozen() {
        return CgroupFiles.readIfExists("read freezer state", dir.resolve("cgroup.events"))
                .map(events -> CgroupFiles.keyedValue(events, "frozen").orElse(0) == 1).orElse(false);
    }

    /** cgroup.kill (Linux 5.14) kills the whole subtree at once, forks in flight included. */
    @Override
    public void killAll() {
        Path kill = dir.resolve("cgroup.kill");
        if (Files.exists(kill)) {
            CgroupFiles.write("kill the processes of " + dir, kill, "1");
        } else if (Files.isDirectory(dir)) {
            killEachProcess();
        }
    }

    @Override
    String describe() {
        return "cgroup " + dir;
    }
}
