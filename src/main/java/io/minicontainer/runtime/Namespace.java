package io.minicontainer.runtime;

import java.util.Arrays;
import java.util.Optional;

/** The kernel's namespaces: the OCI spec's name, the clone flag, and what it isolates. */
public enum Namespace {
    MOUNT("mount", 0x00020000L, "CLONE_NEWNS", "its own mount table: mounts made inside stay inside"),
    UTS("uts", 0x04000000L, "CLONE_NEWUTS", "its own hostname"),
    IPC("ipc", 0x08000000L, "CLONE_NEWIPC", "its own System V IPC and POSIX message queues"),
    PID("pid", 0x20000000L, "CLONE_NEWPID", "its own process numbers: the workload is pid 1"),
    NETWORK("network", 0x40000000L, "CLONE_NEWNET", "its own interfaces, routes and ports"),
    CGROUP("cgroup", 0x02000000L, "CLONE_NEWCGROUP", "its own cgroup appears as the root"),
    USER("user", 0x10000000L, "CLONE_NEWUSER", "its own user and group ids");

    private final String specName;
    private final long cloneFlag;
    private final String flagName;
    private final String isolates;

    Namespace(String specName, long cloneFlag, String flagName, String isolates) {
        this.specName = specName;
        this.cloneFlag = cloneFlag;
        this.flagName = flagName;
        this.isolates = isolates;
    }

    public static Optional<Namespace> bySpecName(String name) {
        return Arrays.stream(values()).filter(ns -> ns.specName.equals(name)).findFirst();
    }

    public String specName() {
        return specName;
    }

    public long cloneFlag() {
        return cloneFlag;
    }

    public String flagName() {
        return flagName;
    }

    public String isolates() {
        return isolates;
    }
}
