package io.minicontainer.runtime;

import io.minicontainer.oci.Spec;
import java.util.List;
import java.util.Optional;

/**
 * What an exec changes about the container's own process, and which process it joins.
 *
 * @param pid        the container's pid 1 as the host sees it
 * @param startTicks its start time (field 22 of /proc/PID/stat): a reused pid is refused
 * @param args       the command to run, looked up in the environment's PATH
 * @param env        {@code K=V} entries replacing the container's value in place, or appended
 * @param cwd        replaces the container's working directory (which must exist: exec creates nothing)
 * @param user       replaces the container's user; the capabilities stay the container's, as in docker
 * @param keepStdin  {@code -i}: the caller's stdin, else /dev/null
 * @param detach     {@code -d}: the CLI returns once the process runs, which keeps going in its own session
 * @param planFile   the plan's own file, removed by the helper as soon as it has read it
 * @param cgroupProcs the container's cgroup.procs files: the helper enters them before joining, so the
 *                    new process is born in the container's cgroup
 * @param tty        {@code -t}: a pseudo-terminal of its own, whose master the CLI holds
 * @param capabilities replace the container's: {@code exec --privileged} (its seccomp filter stays, as in docker)
 */
public record ExecOptions(long pid, long startTicks, List<String> args, List<String> env, Optional<String> cwd,
        Optional<Spec.User> user, boolean keepStdin, boolean detach, String planFile, List<String> cgroupProcs,
        boolean tty, Optional<Spec.Capabilities> capabilities) {
    public ExecOptions {
        cgroupProcs = List.copyOf(cgroupProcs);
        args = List.copyOf(args);
        env = List.copyOf(env);
    }

    /** Without a terminal, with the container's capabilities. */
    public ExecOptions(long pid, long startTicks, List<String> args, List<String> env, Optional<String> cwd,
            Optional<Spec.User> user, boolean keepStdin, boolean detach, String planFile, List<String> cgroupProcs) {
        this(pid, startTicks, args, env, cwd, user, keepStdin, detach, planFile, cgroupProcs, false, Optional.empty());
    }
}
