package io.minicontainer.engine;

import io.minicontainer.cgroups.CgroupStats;

/**
 * What one look at a running container finds: its cgroup's figures and its network counters, at a time
 * (System.nanoTime, only ever compared with another sample's).
 */
public record StatsSample(long nanoTime, CgroupStats cgroup, NetDev net) {}
