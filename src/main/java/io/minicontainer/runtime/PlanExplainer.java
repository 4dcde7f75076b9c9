package io.minicontainer.runtime;

import java.util.List;
import java.util.Map;

/**
 * Prints a plan as a commented recipe for {@code --explain}. It reads the very plan the helper
 * is given, so what it shows is what happens.
 */
public final class PlanExplainer {
    private static final int COMMENT_COLUMN = 64;

    /** Why the usual mounts are there, by container path. */
    private static final Map<String, String> MOUNT_REASONS = Map.of(
            "/", "the root: image layers read-only below, the container's writes above",
            "/proc", "a /proc that lists only the container's processes",
            "/dev", "a /dev of our own: only the devices created below",
            "/dev/pts", "a private pseudo-terminal instance",
            "/dev/shm", "POSIX shared memory, private to the container",
            "/dev/mqueue", "POSIX message queues of the container's IPC namespace",
            "/sys", "sysfs, read-only");

    private PlanExplainer() {}

    public static String explain(Plan plan) {
        StringBuilder out = new StringBuilder();
        out.append("# Launch plan, compiled in Java from the container's config.json.\n")
                .append("# The C helper executes these steps in this order; any failure stops it.\n")
                .append("ROOTFS=").append(plan.rootfs()).append('\n');
        boolean inContainer = false;
        for (Step step : plan.steps()) {
            if (step instanceof Step.Clone clone) {
                section(out, "The monitor (the helper, forked into a session of its own by the CLI)"
                        + " creates the container process:");
                line(out, StepText.command(step, plan), "returns the container's pid to the monitor");
                namespaces(out, clone.namespaces());
                continue;
            }
            if (step instanceof Step.Join join) {
                section(out, "The CLI's own process enters the running container (exec):");
                line(out, StepText.command(step, plan), "pid reuse is refused: its start time must match");
                namespaces(out, join.namespaces());
                continue;
            }
            if (!inContainer && step.inContainer()) {
                section(out, plan.joins() ? "In the forked child, born in the container:"
                        : "In the new namespaces, after the monitor says go:");
                inContainer = true;
            }
            if (step instanceof Step.PivotRoot) {
                section(out, "Switch to the container's root; from here paths are the container's:");
            }
            line(out, StepText.command(step, plan), why(step, plan));
        }
        return out.toString();
    }

    private static String why(Step step, Plan plan) {
        return switch (step) {
            case Step.SetSid s -> "own session: the CLI's terminal is never the container's";
            case Step.StateDir d -> "ps, inspect and logs read them";
            case Step.ParentDeathSignal p -> "if the monitor dies, so does the container";
            case Step.NoNewPrivileges n -> "setuid programs cannot gain privileges";
            case Step.SeccompFilter f -> "from here the system calls outside the seccomp profile fail";
            case Step.Umask u -> u.mask() == 0 ? "so the modes below are exact" : "the usual umask for the workload";
            case Step.Mount m when m.target().equals("/") && (m.flags() & MountOptions.MS_PRIVATE) != 0 ->
                    "mounts from here on never propagate to the host";
            case Step.Mount m when m.source().equals(plan.rootfs()) -> "pivot_root needs the new root to be a mount point";
            case Step.Mount m when m.source().equals("/dev/null") -> "masked: the container reads nothing here";
            case Step.Mount m when m.fstype().equals("tmpfs") && (m.flags() & MountOptions.MS_RDONLY) != 0 ->
                    "masked: an empty read-only directory";
            case Step.Mount m when m.target().equals("/") && (m.flags() & MountOptions.MS_REMOUNT) != 0 ->
                    "--read-only: the root alone; what is mounted on it stays writable";
            case Step.Mount m -> MOUNT_REASONS.getOrDefault(plan.inContainer(m.target()), "");
            case Step.Rlimit r -> "--ulimit: as root, before the identity changes";
            case Step.SetMountAttributes a -> "recursively: a remount changes only the top mount";
            case Step.PivotRoot p -> "the old root is detached: the host's files are out of reach";
            case Step.LinkUp l -> "a new network namespace starts with lo down";
            case Step.OpenStdin o -> "no -i: stdin is empty";
            case Step.Bounding b -> "what is dropped here can never be regained, even by setuid programs";
            case Step.User u -> "the workload's identity; supplementary groups never leak from the host";
            case Step.Capabilities c -> "what the workload may do as " + (c.permitted() == 0 ? "non-root" : "root");
            case Step.Exec e -> "PATH from the container's environment; the monitor waits for it";
            case Step.Terminal t -> "its own /dev/pts, so tty says /dev/pts/N; the master goes to the "
                    + (plan.joins() ? "CLI" : "monitor");
            case Step.TerminalClient t -> "keys go to the container as bytes, Ctrl-C included";
            default -> "";
        };
    }

    private static void namespaces(StringBuilder out, List<Namespace> namespaces) {
        namespaces.forEach(ns -> out.append(String.format("#   %-16s %s%n", ns.flagName(), ns.isolates())));
    }

    private static void section(StringBuilder out, String title) {
        out.append("\n# ").append(title).append('\n');
    }

    private static void line(StringBuilder out, String command, String comment) {
        out.append(command);
        if (!comment.isEmpty()) {
            out.append(" ".repeat(Math.max(1, COMMENT_COLUMN - command.length()))).append("# ").append(comment);
        }
        out.append('\n');
    }
}
