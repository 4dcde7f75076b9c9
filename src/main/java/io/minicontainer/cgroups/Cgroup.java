package io.minicontainer.cgroups;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One container's cgroup, on whatever hierarchy the host has: a single directory on cgroup v2,
 * one directory per controller on v1. Errors are {@link CgroupException}s with one-line messages.
 */
public interface Cgroup {

    /** The {@code cgroup.procs} files a process is written to, to enter the cgroup (one per v1 hierarchy). */
    List<Path> procsFiles();

    /** The file whose {@code oom_kill N} line counts OOM kills: memory.events (v2), memory.oom_control (v1). */
    Optional<Path> oomEventsFile();

    /** The directories, for removal by the monitor and for the container's view of its own cgroup. */
    List<Path> directories();

    void setLimits(Limits limits);

    /**
     * The device cgroup: which devices the processes may open or create, rules applied in order (see
     * {@link DeviceAccess}). v1 writes them to devices.deny and devices.allow; v2 attaches an eBPF program.
     * Set before any process enters.
     */
    void setDeviceRules(List<DeviceAccess> rules);

    CgroupStats stats();

    void freeze();

    void thaw();

    boolean frozen();

    /** SIGKILL to every process in it (v2: cgroup.kill; v1: each pid of cgroup.procs until empty). */
    void killAll();

    /** Kills what is left, waits for the cgroup to empty, removes the directories; idempotent. */
    void destroy();
}
