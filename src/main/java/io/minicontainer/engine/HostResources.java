package io.minicontainer.engine;

import io.minicontainer.cgroups.Limits;
import io.minicontainer.state.ContainerRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A container's resource settings as docker's HostConfig records them: 0 (or "") means not set,
 * MemorySwap -1 is unlimited swap, PidsLimit is empty when not set (JSON null) and 0 for unlimited.
 * Built by {@link ResourceFlags}, kept in container.json, turned into cgroup {@link Limits}.
 *
 * @param memory            bytes
 * @param memorySwap        memory plus swap in bytes; -1 unlimited
 * @param memoryReservation bytes
 * @param nanoCpus          {@code --cpus} in billionths of a CPU
 * @param cpuShares         relative weight
 * @param cpuPeriod         CFS period in microseconds
 * @param cpuQuota          CFS quota in microseconds
 * @param cpusetCpus        e.g. {@code 0-2,4}
 * @param pidsLimit         the maximum number of tasks; 0 or less is unlimited
 */
public record HostResources(long memory, long memorySwap, long memoryReservation, long nanoCpus, long cpuShares,
        long cpuPeriod, long cpuQuota, String cpusetCpus, OptionalLong pidsLimit) {

    static final long NANOS_PER_CPU = 1_000_000_000L;
    private static final HostResources NONE = new HostResources(0, 0, 0, 0, 0, 0, 0, "", OptionalLong.empty());

    public HostResources {
        cpusetCpus = cpusetCpus == null ? "" : cpusetCpus;
    }

    public static HostResources none() {
        return NONE;
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** What the kernel is told, as docker tells runc: --cpus becomes a quota per 100 ms period. */
    public Limits limits() {
        OptionalLong quota = OptionalLong.empty();
        long period = Limits.DEFAULT_CPU_PERIOD;
        if (nanoCpus > 0) {
            quota = OptionalLong.of(nanoCpus * Limits.DEFAULT_CPU_PERIOD / NANOS_PER_CPU);
        }
        if (cpuPeriod != 0) {
            period = cpuPeriod;
        }
        if (cpuQuota != 0) {
            quota = OptionalLong.of(cpuQuota);
        }
        return new Limits(positive(memory), memorySwap == 0 ? OptionalLong.empty() : OptionalLong.of(memorySwap),
                positive(memoryReservation), quota, period,
                cpuShares == 0 ? OptionalLong.empty() : OptionalLong.of(cpuShares),
                cpusetCpus.isEmpty() ? Optional.empty() : Optional.of(cpusetCpus),
                pidsLimit.isPresent() ? OptionalLong.of(pidsLimit.getAsLong() <= 0 ? -1 : pidsLimit.getAsLong())
                        : OptionalLong.empty());
    }

    private static OptionalLong positive(long value) {
        return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
    }

    /** docker's HostConfig members, in docker's names; PidsLimit is null when not set. */
    public Map<String, Object> hostConfig() {
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("CpuShares", cpuShares);
        host.put("Memory", memory);
        host.put("NanoCpus", nanoCpus);
        host.put("CpuPeriod", cpuPeriod);
        host.put("CpuQuota", cpuQuota);
        host.put("CpusetCpus", cpusetCpus);
        host.put("MemoryReservation", memoryReservation);
        host.put("MemorySwap", memorySwap);
        host.put("PidsLimit", pidsLimit.isPresent() ? pidsLimit.getAsLong() : null);
        return host;
    }

    /** What a container's record says: its HostConfig's resources. */
    public static HostResources of(ContainerRecord record) {
        return record.json().get("HostConfig") instanceof Map<?, ?> host ? fromHostConfig(host) : NONE;
    }

    /** Back from a HostConfig; a member that is missing (a container made before these flags) is not set. */
    public static HostResources fromHostConfig(Map<?, ?> host) {
        Object pids = host.get("PidsLimit");
        return new HostResources(number(host, "Memory"), number(host, "MemorySwap"), number(host, "MemoryReservation"),
                number(host, "NanoCpus"), number(host, "CpuShares"), number(host, "CpuPeriod"), number(host, "CpuQuota"),
                host.get("CpusetCpus") instanceof String cpus ? cpus : "",
                pids instanceof Number n ? OptionalLong.of(n.longValue()) : OptionalLong.empty());
    }

    private static long number(Map<?, ?> host, String key) {
        return host.get(key) instanceof Number n ? n.longValue() : 0;
    }

    /** docker's defaults at creation: with a memory limit and no swap limit, as much swap as memory. */
    HostResources withCreationDefaults() {
        return memory > 0 && memorySwap == 0 ? withMemorySwap(memory * 2) : this;
    }

    private HostResources withMemorySwap(long swap) {
        return new HostResources(memory, swap, memoryReservation, nanoCpus, cpuShares, cpuPeriod, cpuQuota, cpusetCpus,
                pidsLimit);
    }

    /**
     * docker update's merge: what {@code update} sets replaces what is recorded, what it leaves unset stays.
     * --cpus and --cpu-period/--cpu-quota exclude each other across the two, as in docker.
     *
     * @throws EngineException with docker's "Conflicting options: ..." or memoryswap message
     */
    HostResources updatedWith(HostResources update) {
        conflict(update.nanoCpus > 0 && cpuPeriod > 0, "Nano CPUs cannot be updated as CPU Period has already been set");
        conflict(update.nanoCpus > 0 && cpuQuota > 0, "Nano CPUs cannot be updated as CPU Quota has already been set");
        conflict(update.cpuPeriod > 0 && nanoCpus > 0, "CPU Period cannot be updated as NanoCPUs has already been set");
        conflict(update.cpuQuota > 0 && nanoCpus > 0, "CPU Quota cannot be updated as NanoCPUs has already been set");
        if (update.memory != 0 && update.memory > memorySwap && update.memorySwap == 0) {
            throw new EngineException("Memory limit should be smaller than already set memoryswap limit,"
                    + " update the memoryswap at the same time");
        }
        return new HostResources(or(update.memory, memory), or(update.memorySwap, memorySwap),
                or(update.memoryReservation, memoryReservation), or(update.nanoCpus, nanoCpus),
                or(update.cpuShares, cpuShares), or(update.cpuPeriod, cpuPeriod), or(update.cpuQuota, cpuQuota),
                update.cpusetCpus.isEmpty() ? cpusetCpus : update.cpusetCpus,
                update.pidsLimit.isPresent() ? update.pidsLimit : pidsLimit);
    }

    private static void conflict(boolean conflicting, String message) {
        if (conflicting) {
            throw new EngineException("Conflicting options: " + message);
        }
    }

    private static long or(long updated, long current) {
        return updated != 0 ? updated : current;
    }
}
