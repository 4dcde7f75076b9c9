package io.minicontainer.cgroups;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/** Limits as cgroup v2 files: memory.max, memory.swap.max, memory.low, cpu.max, cpu.weight, cpuset.cpus, pids.max. */
final class V2Limits {
    private static final long MAX_SHARES = 262_144;

    private V2Limits() {}

    /** Checks what can be checked before the first write, then writes; the controllers must be enabled. */
    static void write(Path dir, Limits limits) {
        OptionalLong swapMax = swapMax(dir, limits);
        limits.memory().ifPresent(bytes -> set("set memory limit", dir, "memory.max", unlimitedIfNotPositive(bytes)));
        swapMax.ifPresent(bytes -> set("set memory+swap limit", dir, "memory.swap.max",
                bytes < 0 ? "max" : Long.toString(bytes)));
        limits.memoryReservation().ifPresent(bytes -> set("set memory reservation", dir, "memory.low",
                bytes <= 0 ? "0" : Long.toString(bytes)));
        cpuMax(limits).ifPresent(value -> set("set cpu quota", dir, "cpu.max", value));
        limits.cpuShares().stream().filter(shares -> shares > 0) // docker's 0 is "the default"
                .forEach(shares -> set("set cpu shares", dir, "cpu.weight", Long.toString(weight(shares))));
        limits.cpusetCpus().ifPresent(cpus -> set("set cpuset cpus", dir, "cpuset.cpus", cpus));
        limits.pids().ifPresent(pids -> set("set pids limit", dir, "pids.max", unlimitedIfNotPositive(pids)));
    }

    /**
     * memory.swap.max counts swap alone, docker's --memory-swap counts memory and swap: the
     * difference, or -1 for "max" (docker's -1 is unlimited swap).
     */
    private static OptionalLong swapMax(Path dir, Limits limits) {
        if (limits.memorySwap().isEmpty()) {
            return OptionalLong.empty();
        }
        long memorySwap = limits.memorySwap().getAsLong();
        if (memorySwap != -1 && !Files.exists(dir.resolve("memory.swap.max"))) {
            throw new CgroupException("cannot limit memory+swap: your kernel does not support swap limit capabilities"
                    + " (no memory.swap.max in " + dir + ")");
        }
        if (memorySwap == -1) {
            return Files.exists(dir.resolve("memory.swap.max")) ? OptionalLong.of(-1) : OptionalLong.empty();
        }
        if (limits.memory().isEmpty()) {
            throw new CgroupException("cannot limit memory+swap without a memory limit");
        }
        long swap = memorySwap - limits.memory().getAsLong();
        if (swap < 0) {
            throw new CgroupException("cannot limit memory+swap to " + memorySwap + " bytes: less than the memory limit");
        }
        return OptionalLong.of(swap);
    }

    /** "QUOTA PERIOD", "max PERIOD" when only the period was given, nothing when neither. */
    static Optional<String> cpuMax(Limits limits) {
        long period = limits.cpuPeriodMicros();
        if (limits.cpuQuotaMicros().isPresent()) {
            return Optional.of(unlimitedIfNotPositive(limits.cpuQuotaMicros().getAsLong()) + " " + period);
        }
        if (period != Limits.DEFAULT_CPU_PERIOD) {
            return Optional.of("max " + period);
        }
        return Optional.empty();
    }

    /**
     * The OCI conversion of docker's cpu shares (2..262144, default 1024) to cpu.weight (1..10000,
     * default 100), as runc does it: linear, so 2 is 1 and 262144 is 10000.
     */
    static long weight(long shares) {
        long clamped = Math.clamp(shares, 2, MAX_SHARES);
        return 1 + ((clamped - 2) * 9999) / (MAX_SHARES - 2);
    }

    private static String unlimitedIfNotPositive(long value) {
        return value <= 0 ? "max" : Long.toString(value);
    }

    private static void set(String what, Path dir, String file, String value) {
        CgroupFiles.write(what, dir.resolve(file), value);
    }
}
