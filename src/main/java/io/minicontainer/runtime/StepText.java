package io.minicontainer.runtime;

import static io.minicontainer.runtime.MountOptions.MS_BIND;
import static io.minicontainer.runtime.MountOptions.MS_RDONLY;
import static io.minicontainer.runtime.MountOptions.MS_REMOUNT;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Steps as commands a person could type, for {@code --explain}, and the description of mounts
 * that error messages use ({@code mount proc on /proc: Operation not permitted}). Paths under the
 * rootfs are shown as the container sees them.
 */
public final class StepText {
    private static final long PROPAGATION_FLAGS = MountOptions.MS_PRIVATE | MountOptions.MS_SLAVE
            | MountOptions.MS_SHARED | MountOptions.MS_UNBINDABLE;

    private StepText() {}

    static String describeMount(Step.Mount m, Plan plan) {
        String target = plan.inContainer(m.target());
        if ((m.flags() & PROPAGATION_FLAGS) != 0 && m.source().isEmpty()) {
            return "make " + target + " " + MountOptions.describe(m.flags());
        }
        if ((m.flags() & MS_REMOUNT) != 0) {
            return "remount " + target + ((m.flags() & MS_RDONLY) != 0 ? " read-only" : "");
        }
        if ((m.flags() & MS_BIND) != 0) {
            return "bind mount " + m.source() + " on " + target;
        }
        return "mount " + m.fstype() + " on " + target;
    }

    static String describeAttributes(Step.SetMountAttributes a, Plan plan) {
        String target = plan.inContainer(a.target());
        if (a.clear() == 0) {
            return "make " + target + " and the mounts below it " + MountAttributes.describe(a.set());
        }
        return "change the attributes of " + target + " and the mounts below it";
    }

    /** The step as a command a person could type (approximately) for --explain. */
    public static String command(Step step, Plan plan) {
        return switch (step) {
            case Step.Clone c -> "clone(" + flagNames(c) + ")";
            case Step.RemoveOnExit r -> "rm -rf " + r.path() + "          # "
                    + (plan.joins() ? "once read: the helper has it in memory" : "when the container is gone");
            case Step.RemoveOnFailure r -> "rm -rf " + r.path() + "          # if the container cannot start";
            case Step.StateDir d -> "# the monitor writes " + d.path() + "/status and container.log";
            case Step.LogRotation r -> "# the log rotates every " + r.maxSize() + " bytes, " + r.maxFiles() + " files kept";
            case Step.Detach d -> "echo " + d.text() + "          # once it runs; the CLI returns";
            case Step.Join j -> "setns(pidfd_open(" + j.pid() + "), " + flagNames(j.namespaces()) + ")";
            case Step.CgroupProcs c -> "echo $CONTAINER_PID > " + c.procsFile();
            case Step.OomEvents o -> "grep oom_kill " + o.file() + "          # when the container is gone";
            case Step.Unshare u -> "unshare --cgroup";
            case Step.SetNs n -> "nsenter --" + n.namespace().specName() + "=" + n.path();
            case Step.ExitCommand c -> String.join(" ", c.argv()) + "          # when the container is gone";
            case Step.NamespaceOnExit n -> "umount " + n.path() + "; rm " + n.path() + "          # when the container is gone";
            case Step.Mount m -> mountCommand(m, plan);
            case Step.SetMountAttributes a -> "mount_setattr(" + shown(a.target(), plan) + ", AT_RECURSIVE, set="
                    + emptyAsNone(MountAttributes.describe(a.set())) + ", clear="
                    + emptyAsNone(MountAttributes.describe(a.clear())) + ")";
            case Step.Mkdir m -> "mkdir -p " + shown(m.path(), plan);
            case Step.Touch t -> "touch " + shown(t.path(), plan);
            case Step.Mknod m -> "mknod -m " + octal(m.mode()) + " " + shown(m.path(), plan) + " " + m.type() + " "
                    + m.major() + " " + m.minor() + (m.uid() != 0 || m.gid() != 0
                            ? "; chown " + m.uid() + ":" + m.gid() + " " + shown(m.path(), plan) : "");
            case Step.Rlimit r -> "prlimit --" + r.type().dockerName() + "=" + limit(r.soft()) + ":" + limit(r.hard());
            case Step.Symlink s -> "ln -s " + s.target() + " " + shown(s.link(), plan);
            case Step.PivotRoot p -> "pivot_root " + shown(p.newRoot(), plan) + "; umount -l /old-root";
            case Step.SetHostname h -> "hostname " + h.hostname();
            case Step.LinkUp l -> "ip link set " + l.name() + " up";
            case Step.SetSid s -> "setsid()";
            case Step.Umask u -> "umask " + octal(u.mask());
            case Step.OpenStdin o -> "exec 0< " + o.path();
            case Step.Chdir c -> "cd " + c.path();
            case Step.Capabilities c -> "capset(effective=" + hex(c.effective()) + ", permitted="
                    + hex(c.permitted()) + ", inheritable=" + hex(c.inheritable()) + "); ambient=" + hex(c.ambient());
            case Step.Bounding b -> "drop from the bounding set all but " + hex(b.mask());
            case Step.User u -> "setgroups(" + u.additionalGids() + "); setresgid(" + u.gid() + "); setresuid("
                    + u.uid() + ")";
            case Step.ParentDeathSignal p -> "prctl(PR_SET_PDEATHSIG, " + p.signal() + ")";
            case Step.NoNewPrivileges n -> "prctl(PR_SET_NO_NEW_PRIVS, 1)";
            case Step.SeccompFilter f -> "seccomp(SECCOMP_SET_MODE_FILTER, <" + f.instructions() + " BPF instructions>)";
            case Step.Exec e -> "exec " + e.argv().stream().map(StepText::shellQuoted).collect(Collectors.joining(" "));
            case Step.Terminal t -> terminalCommand(t);
            case Step.Attach a -> "connect " + a.socket();
            case Step.TerminalClient t -> "stty raw while attached; detach keys " + detachKeys(t.detachKeys());
            case Step.SendStdin s -> "# the CLI's stdin goes to the container through the monitor";
            case Step.NoSignalProxy n -> "# a signal for the CLI ends the CLI alone";
            case Step.Elsewhere e -> e.command(plan);
        };
    }

    private static String terminalCommand(Step.Terminal t) {
        String console = t.console().isEmpty() ? "" : "; mount --bind $SLAVE " + t.console();
        return "SLAVE=$(open /dev/ptmx)" + console + "; chown " + t.uid() + " $SLAVE; setsid -c; exec 0<>$SLAVE 1>&0 2>&0";
    }

    /** Docker's spelling: ctrl-p,ctrl-q. */
    static String detachKeys(List<Integer> keys) {
        if (keys.isEmpty()) {
            return "none";
        }
        return keys.stream().map(key -> key < 32 ? "ctrl-" + (char) (key == 0 ? '@' : key < 27 ? 'a' + key - 1 : key + 64)
                : String.valueOf((char) key.intValue())).collect(Collectors.joining(","));
    }

    private static String emptyAsNone(String names) {
        return names.isEmpty() ? "none" : names;
    }

    /** An argument as a shell would need it typed. */
    static String shellQuoted(String arg) {
        return arg.matches("[A-Za-z0-9_/.:=@%+,-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    private static String mountCommand(Step.Mount m, Plan plan) {
        String target = shown(m.target(), plan);
        String flags = MountOptions.describe(m.flags());
        if ((m.flags() & PROPAGATION_FLAGS) != 0 && m.source().isEmpty()) {
            return "mount --make-" + flags.replace("rec,", "r").replace(",rec", "") + " " + target;
        }
        String options = flags.isEmpty() ? m.data() : m.data().isEmpty() ? flags : flags + "," + m.data();
        String type = m.fstype().isEmpty() ? "" : "-t " + m.fstype() + " ";
        String source = m.source().isEmpty() ? "" : shown(m.source(), plan) + " ";
        return "mount " + type + (options.isEmpty() ? "" : "-o " + options + " ") + source + target;
    }

    /** Host paths under the rootfs as $ROOTFS/...: before pivot_root that is where they are. */
    private static String shown(String path, Plan plan) {
        String inside = plan.inContainer(path);
        return inside.equals(path) ? path : "$ROOTFS" + (inside.equals("/") ? "" : inside);
    }

    static String flagNames(Step.Clone clone) {
        return flagNames(clone.namespaces());
    }

    static String flagNames(List<Namespace> namespaces) {
        return namespaces.stream().map(Namespace::flagName).collect(Collectors.joining("|"));
    }

    /** docker's notation: nofile=1024:2048, -1 for unlimited. */
    static String ulimit(Step.Rlimit r) {
        return r.type().dockerName() + "=" + r.soft() + ":" + r.hard();
    }

    private static String limit(long value) {
        return value == -1 ? "unlimited" : Long.toUnsignedString(value);
    }

    /** Four octal digits, as umask and chmod print them. */
    static String octal(int value) {
        String digits = Integer.toOctalString(value);
        return digits.length() >= 4 ? digits : "0000".substring(digits.length()) + digits;
    }

    private static String hex(long value) {
        return String.format("%016x", value);
    }
}
