package io.minicontainer.cgroups;

/**
 * What a container's cgroup says it uses, as docker stats shows it. A figure the host cannot give
 * (no such controller) is -1.
 *
 * @param cpuNanos      CPU time used since creation (cpuacct.usage / cpu.stat usage_usec * 1000)
 * @param memoryBytes   memory in use minus the page cache that can be dropped (docker's "usage - inactive_file")
 * @param memoryLimit   the limit in bytes, or the host's memory when there is none
 * @param pids          tasks in the cgroup now
 * @param blockRead     bytes read from block devices
 * @param blockWritten  bytes written to block devices
 */
public record CgroupStats(long cpuNanos, long memoryBytes, long memoryLimit, long pids, long blockRead,
        long blockWritten) {}
