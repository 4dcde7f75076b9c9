package io.minicontainer.cgroups;

import io.minicontainer.oci.Spec;
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
     * The device cgroup: the rules in order (the first is usually "deny all"), so that only the
     * devices they allow can be opened or created. Done once, before anything runs in the cgroup.
     */
    void restrictDevices(List<Spec.DeviceRule> rules);

    CgroupStats stats();

    void freeze();

    void thaw();

    boolean frozen();

    /** SIGKILL to every process in it (v2: cgroup.kill; v1: each pid of cgroup.procs until empty). */
    void killAll();

    /** Kills what is left, waits for the cgroup to empty, removes the directories; idempotent. */
    void destroy();
}
