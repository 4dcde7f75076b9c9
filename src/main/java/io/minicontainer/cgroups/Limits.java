package io.minicontainer.cgroups;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Resource limits in the kernel's units, already validated (see engine.ResourceFlags for docker's
 * syntax). Empty means "not set": the kernel's default (no limit) stays.
 *
 * @param memory            bytes (memory.max / memory.limit_in_bytes)
 * @param memorySwap        memory + swap in bytes, docker's meaning; -1 is unlimited swap
 * @param memoryReservation bytes (memory.low / memory.soft_limit_in_bytes)
 * @param cpuQuotaMicros    CFS quota per {@code cpuPeriodMicros} (--cpus 0.5 = 50000 of 100000)
 * @param cpuPeriodMicros   the CFS period, 100000 unless said otherwise
 * @param cpuShares         docker's 2..262144 weight (v2 converts it to cpu.weight)
 * @param cpusetCpus        e.g. "0-1" or "0,2"
 * @param pids              the maximum number of tasks; -1 or 0 is unlimited, as docker says
 */
public record Limits(
        OptionalLong memory,
        OptionalLong memorySwap,
        OptionalLong memoryReservation,
        OptionalLong cpuQuotaMicros,
        long cpuPeriodMicros,
        OptionalLong cpuShares,
        Optional<String> cpusetCpus,
        OptionalLong pids) {

    public static final long DEFAULT_CPU_PERIOD = 100_000;

    public static Limits none() {
        return new Limits(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                DEFAULT_CPU_PERIOD, OptionalLong.empty(), Optional.empty(), OptionalLong.empty());
    }
}
