package io.minicontainer.engine;

import io.minicontainer.cgroups.CgroupStats;
import java.util.Optional;

/**
 * A container's usage as docker stats shows it, from two samples. A figure the cgroup could not give (-1)
 * counts as 0, as docker shows a missing controller.
 *
 * @param cpuPercent    of one CPU: 200.00 is two CPUs busy
 * @param memoryPercent of the memory limit
 */
public record ContainerStats(double cpuPercent, long memory, long memoryLimit, double memoryPercent, long netReceived,
        long netTransmitted, long blockRead, long blockWritten, long pids) {

    /** A container that is not running: docker's stats of one are all zeros. */
    public static final ContainerStats ZERO = new ContainerStats(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** {@code previous} is empty for a container first seen now: then CPU is 0.00%. */
    public static ContainerStats between(Optional<StatsSample> previous, StatsSample now, int cpus) {
        CgroupStats cgroup = now.cgroup();
        double cpu = previous.map(before -> cpuPercent(known(before.cgroup().cpuNanos()), known(cgroup.cpuNanos()),
                systemNanos(before, cpus), systemNanos(now, cpus), cpus)).orElse(0.0);
        long memory = known(cgroup.memoryBytes());
        long limit = known(cgroup.memoryLimit());
        return new ContainerStats(cpu, memory, limit, limit != 0 ? (double) memory / limit * 100 : 0,
                now.net().received(), now.net().transmitted(), known(cgroup.blockRead()), known(cgroup.blockWritten()),
                known(cgroup.pids()));
    }

    /** What docker's daemon reads from /proc/stat (every CPU's time) is, between two samples, wall time times CPUs. */
    private static long systemNanos(StatsSample sample, int cpus) {
        return sample.nanoTime() * cpus;
    }

    /**
     * docker's calculateCPUPercentUnix: the container's share of the host's CPU time between two samples,
     * times the number of CPUs; 0 when either did not grow.
     */
    static double cpuPercent(long cpuBefore, long cpuNow, long systemBefore, long systemNow, int cpus) {
        double cpuDelta = (double) cpuNow - cpuBefore;
        double systemDelta = (double) systemNow - systemBefore;
        if (systemDelta > 0 && cpuDelta > 0) {
            return cpuDelta / systemDelta * cpus * 100.0;
        }
        return 0;
    }

    private static long known(long value) {
        return Math.max(value, 0);
    }
}
