package io.minicontainer.cgroups;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Limits as cgroup v1 files, each in its controller's directory: memory.limit_in_bytes,
 * memory.memsw.limit_in_bytes, memory.soft_limit_in_bytes, cpu.cfs_period_us, cpu.cfs_quota_us,
 * cpu.shares, cpuset.cpus, pids.max.
 */
final class V1Limits {
    static final String NO_SWAP_LIMIT = "cannot limit memory+swap: your kernel does not support swap limit capabilities"
            + " or the cgroup is not mounted (no memory.memsw.limit_in_bytes: boot with swapaccount=1)";

    private V1Limits() {}

    /** Fails before the first write when a controller or swap accounting is missing. */
    static void write(Map<String, Path> dirs, Limits limits) {
        for (String controller : LimitControllers.of(limits)) {
            if (!dirs.containsKey(controller)) {
                throw new CgroupException("cannot limit " + controller + ": the " + controller
                        + " cgroup controller is not mounted");
            }
        }
        OptionalLong memorySwap = memorySwap(dirs.get("memory"), limits);
        if (limits.memory().isPresent() || memorySwap.isPresent()) {
            memory(dirs.get("memory"), limits.memory(), memorySwap);
        }
        limits.memoryReservation().ifPresent(bytes -> set("set memory reservation", dirs.get("memory"),
                "memory.soft_limit_in_bytes", unlimitedIfNotPositive(bytes)));
        cpu(dirs.get("cpu"), limits);
        limits.cpusetCpus().ifPresent(cpus -> set("set cpuset cpus", dirs.get("cpuset"), "cpuset.cpus", cpus));
        limits.pids().ifPresent(pids -> set("set pids limit", dirs.get("pids"), "pids.max",
                pids <= 0 ? "max" : Long.toString(pids)));
    }

    /** The memory+swap limit to write: empty when none was asked, or unlimited was asked and swap is not accounted. */
    private static OptionalLong memorySwap(Path memoryDir, Limits limits) {
        if (limits.memorySwap().isEmpty()) {
            return OptionalLong.empty();
        }
        long memorySwap = limits.memorySwap().getAsLong();
        if (!Files.exists(memoryDir.resolve("memory.memsw.limit_in_bytes"))) {
            if (memorySwap == -1) {
                return OptionalLong.empty(); // unlimited is what the kernel does anyway
            }
            throw new CgroupException(NO_SWAP_LIMIT);
        }
        long memory = limits.memory().orElse(0);
        if (memorySwap != -1 && memory > 0 && memorySwap < memory) {
            throw new CgroupException("cannot limit memory+swap to " + memorySwap + " bytes: less than the memory limit");
        }
        return OptionalLong.of(memorySwap);
    }

    /**
     * The kernel keeps memory <= memory+swap at every moment: raising memory above the current
     * memory+swap limit needs memory+swap first, anything else memory first.
     */
    private static void memory(Path dir, OptionalLong memory, OptionalLong memorySwap) {
        Runnable writeMemory = () -> memory.ifPresent(bytes -> set("set memory limit", dir, "memory.limit_in_bytes",
                unlimitedIfNotPositive(bytes)));
        Runnable writeSwap = () -> memorySwap.ifPresent(bytes -> set("set memory+swap limit", dir,
                "memory.memsw.limit_in_bytes", unlimitedIfNotPositive(bytes)));
        long currentSwapLimit = memorySwap.isEmpty() ? Long.MAX_VALUE
                : CgroupFiles.readLong("read memory+swap limit", dir.resolve("memory.memsw.limit_in_bytes"))
                        .orElse(Long.MAX_VALUE);
        long newMemory = memory.isEmpty() || memory.getAsLong() <= 0 ? Long.MAX_VALUE : memory.getAsLong();
        if (newMemory > currentSwapLimit) {
            writeSwap.run();
            writeMemory.run();
        } else {
            writeMemory.run();
            writeSwap.run();
        }
    }

    /** The period first: the kernel checks the quota against it. */
    private static void cpu(Path dir, Limits limits) {
        long period = limits.cpuPeriodMicros();
        if (limits.cpuQuotaMicros().isPresent() || period != Limits.DEFAULT_CPU_PERIOD) {
            set("set cpu period", dir, "cpu.cfs_period_us", Long.toString(period));
        }
        limits.cpuQuotaMicros().ifPresent(quota -> set("set cpu quota", dir, "cpu.cfs_quota_us",
                unlimitedIfNotPositive(quota)));
        limits.cpuShares().stream().filter(shares -> shares > 0) // docker's 0 is "the default"
                .forEach(shares -> set("set cpu shares", dir, "cpu.shares", Long.toString(shares)));
    }

    /** v1 says unlimited with -1. */
    private static String unlimitedIfNotPositive(long value) {
        return value <= 0 ? "-1" : Long.toString(value);
    }

    private static void set(String what, Path dir, String file, String value) {
        CgroupFiles.write(what, dir.resolve(file), value);
    }
}
