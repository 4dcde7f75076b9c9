package io.minicontainer.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * One primitive of a launch plan, with every argument computed. The op codes and argument
 * order are the wire format of {@code native/plan.h}; {@link StepText} says what each one does.
 */
public sealed interface Step {

    /** The op code of {@code enum op} in {@code native/plan.h}. */
    int op();

    /** The arguments after the description, as the helper reads them. */
    List<String> args();

    /** What the step does, for error messages: {@code mount proc on /proc}, in container paths. */
    String describe(Plan plan);

    /** Executed by the container process (ops 10-99); the others by the monitor. */
    default boolean inContainer() {
        return op() >= 10 && op() < 100;
    }

    /** Creates the container process in new namespaces (monitor side). */
    record Clone(List<Namespace> namespaces) implements Step {
        public Clone {
            namespaces = List.copyOf(namespaces);
        }

        public long flags() {
            return namespaces.stream().mapToLong(Namespace::cloneFlag).reduce(0, (a, b) -> a | b);
        }

        public String describe(Plan plan) { return "create namespaces (clone " + StepText.flagNames(this) + ")"; }
        public int op() { return 1; }
        public List<String> args() { return List.of(hex(flags())); }
    }

    /** Removed recursively once the container is gone (monitor side). */
    record RemoveOnExit(String path) implements Step {
        public String describe(Plan plan) { return "remove " + path; }
        public int op() { return 2; }
        public List<String> args() { return List.of(path); }
    }

    /** Removed recursively when the container could not be started (monitor side). */
    record RemoveOnFailure(String path) implements Step {
        public String describe(Plan plan) { return "remove " + path; }
        public int op() { return 3; }
        public List<String> args() { return List.of(path); }
    }

    /** The monitor writes the container's status and log in this directory (monitor side). */
    record StateDir(String path) implements Step {
        public String describe(Plan plan) { return "record status and log in " + path; }
        public int op() { return 4; }
        public List<String> args() { return List.of(path); }
    }

    /** The log's rotation: a new file every {@code maxSize} bytes (0: never), {@code maxFiles} kept. */
    record LogRotation(long maxSize, int maxFiles) implements Step {
        public String describe(Plan plan) { return "rotate the log"; }
        public int op() { return 5; }
        public List<String> args() { return List.of(Long.toString(maxSize), Integer.toString(maxFiles)); }
    }

    /** The CLI prints {@code text} once the container runs and returns: {@code run -d} (monitor side). */
    record Detach(String text) implements Step {
        public String describe(Plan plan) { return "detach"; }
        public int op() { return 6; }
        public List<String> args() { return List.of(text); }
    }

    /**
     * exec: the CLI's process joins the namespaces of the container's running process (pid, checked
     * against its start time so a reused pid is refused), then forks the new process in them (monitor side).
     */
    record Join(long pid, long startTicks, List<Namespace> namespaces) implements Step {
        public Join {
            namespaces = List.copyOf(namespaces);
        }

        public long flags() {
            return namespaces.stream().mapToLong(Namespace::cloneFlag).reduce(0, (a, b) -> a | b);
        }

        public String describe(Plan plan) { return "join the namespaces of container process " + pid; }
        public int op() { return 7; }
        public List<String> args() { return List.of(Long.toString(pid), Long.toString(startTicks), hex(flags())); }
    }

    /** The process enters the cgroup (its pid into this cgroup.procs) before it runs; the directory goes at exit. */
    record CgroupProcs(String procsFile) implements Step {
        public String describe(Plan plan) { return "join cgroup " + procsFile.substring(0, procsFile.lastIndexOf('/')); }
        public int op() { return 8; }
        public List<String> args() { return List.of(procsFile); }
    }

    /** Read once the container is gone: its {@code oom_kill} count says whether the kernel OOM-killed it. */
    record OomEvents(String file) implements Step {
        public String describe(Plan plan) { return "read OOM kills from " + file; }
        public int op() { return 9; }
        public List<String> args() { return List.of(file); }
    }

    /** unshare(2) in the container: the cgroup namespace once it is in its cgroup, so that is its root. */
    record Unshare(List<Namespace> namespaces) implements Step {
        public Unshare {
            namespaces = List.copyOf(namespaces);
        }

        public String describe(Plan plan) { return "unshare the cgroup namespace"; }
        public int op() { return 29; }
        public List<String> args() {
            return List.of(hex(namespaces.stream().mapToLong(Namespace::cloneFlag).reduce(0, (a, b) -> a | b)));
        }
    }

    /** setns(2) into a namespace the engine prepared, by path: the bridge's network namespace. */
    record SetNs(String path, Namespace namespace) implements Step {
        public String describe(Plan plan) { return "join " + namespace.specName() + " namespace " + path; }
        public int op() { return 30; }
        public List<String> args() { return List.of(path, hex(namespace.cloneFlag())); }
    }

    /**
     * A pseudo-terminal of the container's own (in its /dev/pts): the slave, owned by {@code uid}, becomes the
     * controlling terminal and stdin, stdout and stderr, and is bound on {@code console} ("" for none); the
     * master goes to the parent (the monitor, or exec's CLI).
     */
    record Terminal(long uid, String console) implements Step {
        public String describe(Plan plan) { return "allocate a terminal"; }
        public int op() { return 31; }
        public List<String> args() { return List.of(Long.toString(uid), console); }
    }

    /** A namespace file of the engine's, unmounted and deleted once the container is gone (monitor side). */
    record NamespaceOnExit(String path) implements Step {
        public String describe(Plan plan) { return "release namespace " + path; }
        public int op() { return 100; }
        public List<String> args() { return List.of(path); }
    }

    /** A program the monitor runs once the container is gone: the engine's clean-up, such as nft -f FILE. */
    record ExitCommand(List<String> argv) implements Step {
        public ExitCommand {
            argv = List.copyOf(argv);
        }

        public String describe(Plan plan) { return "run " + String.join(" ", argv); }
        public int op() { return 101; }
        public List<String> args() { return argv; }
    }

    /** {@code attach}: the CLI connects to the running container's monitor on this socket (client side). */
    record Attach(String socket) implements Step {
        public String describe(Plan plan) { return "attach to " + socket; }
        public int op() { return 102; }
        public List<String> args() { return List.of(socket); }
    }

    /**
     * The container has a terminal: the CLI passes its window size on, takes no signals for the container
     * (keys are bytes), and detaches on {@code detachKeys} (client side).
     */
    record TerminalClient(List<Integer> detachKeys) implements Step {
        public TerminalClient {
            detachKeys = List.copyOf(detachKeys);
        }

        public String describe(Plan plan) { return "follow the container's terminal"; }
        public int op() { return 103; }
        public List<String> args() {
            return List.of(String.join(",", detachKeys.stream().map(String::valueOf).toList()));
        }
    }

    /** The CLI sends its stdin to the monitor, raw when the container has a terminal (client side). */
    record SendStdin() implements Step {
        public String describe(Plan plan) { return "send stdin"; }
        public int op() { return 104; }
        public List<String> args() { return List.of(); }
    }

    /** --sig-proxy=false: signals for the CLI end the CLI alone (client side). */
    record NoSignalProxy() implements Step {
        public String describe(Plan plan) { return "do not pass signals on"; }
        public int op() { return 105; }
        public List<String> args() { return List.of(); }
    }

    /** mount(2); empty strings stand for NULL. */
    record Mount(String source, String target, String fstype, long flags, String data) implements Step {
        public String describe(Plan plan) { return StepText.describeMount(this, plan); }
        public int op() { return 10; }
        public List<String> args() { return List.of(source, target, fstype, hex(flags), data); }
    }

    /** mkdir -p. */
    record Mkdir(String path, int mode) implements Step {
        public String describe(Plan plan) { return "mkdir " + plan.inContainer(path); }
        public int op() { return 11; }
        public List<String> args() { return List.of(path, octal(mode)); }
    }

    /** Creates an empty file when missing: the target of a file bind mount. */
    record Touch(String path, int mode) implements Step {
        public String describe(Plan plan) { return "create mount point " + plan.inContainer(path); }
        public int op() { return 12; }
        public List<String> args() { return List.of(path, octal(mode)); }
    }

    /** mknod(2) of a character ('c') or block ('b') device, then its owner when not root. */
    record Mknod(String path, char type, int mode, long major, long minor, long uid, long gid) implements Step {
        /** A character device owned by root. */
        public Mknod(String path, int mode, int major, int minor) {
            this(path, 'c', mode, major, minor, 0, 0);
        }

        public String describe(Plan plan) { return "mknod " + plan.inContainer(path); }
        public int op() { return 13; }
        public List<String> args() {
            List<String> wire = new ArrayList<>(List.of(path, octal(mode | (type == 'b' ? S_IFBLK : S_IFCHR)),
                    Long.toString(major), Long.toString(minor)));
            if (uid != 0 || gid != 0) {
                wire.addAll(List.of(Long.toString(uid), Long.toString(gid)));
            }
            return wire;
        }
    }

    record Symlink(String target, String link) implements Step {
        public String describe(Plan plan) { return "symlink " + plan.inContainer(link) + " -> " + target; }
        public int op() { return 14; }
        public List<String> args() { return List.of(target, link); }
    }

    /** pivot_root into newRoot; the old root is detached, so the host's tree is unreachable. */
    record PivotRoot(String newRoot) implements Step {
        public String describe(Plan plan) { return "pivot_root to " + newRoot; }
        public int op() { return 15; }
        public List<String> args() { return List.of(newRoot); }
    }

    record SetHostname(String hostname) implements Step {
        public String describe(Plan plan) { return "sethostname " + hostname; }
        public int op() { return 16; }
        public List<String> args() { return List.of(hostname); }
    }

    /** Brings a network interface up (the loopback of a new network namespace starts down). */
    record LinkUp(String name) implements Step {
        public String describe(Plan plan) { return "bring up " + name; }
        public int op() { return 17; }
        public List<String> args() { return List.of(name); }
    }

    /** A session of its own: keyboard signals for the CLI's terminal do not reach the container. */
    record SetSid() implements Step {
        public String describe(Plan plan) { return "setsid"; }
        public int op() { return 18; }
        public List<String> args() { return List.of(); }
    }

    record Umask(int mask) implements Step {
        public String describe(Plan plan) { return "umask " + StepText.octal(mask); }
        public int op() { return 19; }
        public List<String> args() { return List.of(octal(mask)); }
    }

    /** Opens a file as standard input: /dev/null unless stdin is kept open. */
    record OpenStdin(String path) implements Step {
        public String describe(Plan plan) { return "open " + path + " as stdin"; }
        public int op() { return 20; }
        public List<String> args() { return List.of(path); }
    }

    record Chdir(String path) implements Step {
        public String describe(Plan plan) { return "chdir to " + path; }
        public int op() { return 21; }
        public List<String> args() { return List.of(path); }
    }

    /** The process's capability sets as bit masks (bit n = capability n), after the user switch. */
    record Capabilities(long effective, long permitted, long inheritable, long ambient) implements Step {
        public String describe(Plan plan) { return "set capabilities"; }
        public int op() { return 22; }
        public List<String> args() {
            return List.of(hex(effective), hex(permitted), hex(inheritable), hex(ambient));
        }
    }

    /** Drops every capability outside the mask from the bounding set, for good; needs root, so before User. */
    record Bounding(long mask) implements Step {
        public String describe(Plan plan) { return "drop capabilities from the bounding set"; }
        public int op() { return 25; }
        public List<String> args() { return List.of(hex(mask)); }
    }

    /** setgroups, setresgid, setresuid: the workload's identity. */
    record User(long uid, long gid, List<Long> additionalGids) implements Step {
        public User {
            additionalGids = List.copyOf(additionalGids);
        }

        public String describe(Plan plan) { return "switch to user " + uid + ":" + gid; }
        public int op() { return 26; }
        public List<String> args() {
            List<String> wire = new ArrayList<>(List.of(Long.toString(uid), Long.toString(gid)));
            additionalGids.forEach(g -> wire.add(Long.toString(g)));
            return wire;
        }
    }

    /**
     * seccomp(SECCOMP_SET_MODE_FILTER) with a classic BPF program ({@code struct sock_filter[]}, in hex).
     * The kernel takes it from a process with no_new_privs set, or with CAP_SYS_ADMIN.
     */
    record SeccompFilter(String programHex) implements Step {
        public int instructions() {
            return programHex.length() / 16;
        }

        public String describe(Plan plan) { return "install the seccomp filter"; }
        public int op() { return 35; }
        public List<String> args() { return List.of(programHex); }
    }

    /** PR_SET_NO_NEW_PRIVS: setuid programs and file capabilities can never add privileges. */
    record NoNewPrivileges() implements Step {
        public String describe(Plan plan) { return "set no_new_privs"; }
        public int op() { return 27; }
        public List<String> args() { return List.of(); }
    }

    /**
     * mount_setattr(2) with AT_RECURSIVE on the mount at target and every mount below it: how a
     * read-only bind becomes read-only all the way down (the OCI spec's {@code rro}).
     */
    record SetMountAttributes(String target, long set, long clear) implements Step {
        public String describe(Plan plan) { return StepText.describeAttributes(this, plan); }
        public int op() { return 28; }
        public List<String> args() { return List.of(target, hex(set), hex(clear)); }
    }

    /** setrlimit(2) before the identity changes (raising a hard limit needs CAP_SYS_RESOURCE); -1 is unlimited. */
    record Rlimit(RlimitType type, long soft, long hard) implements Step {
        public String describe(Plan plan) { return "set ulimit " + StepText.ulimit(this); }
        public int op() { return 40; }
        public List<String> args() {
            return List.of(Integer.toString(type.resource()), Long.toUnsignedString(soft), Long.toUnsignedString(hard));
        }
    }

    /** The signal the kernel sends the container when its parent (the monitor) dies. */
    record ParentDeathSignal(int signal) implements Step {
        public String describe(Plan plan) { return "set parent death signal"; }
        public int op() { return 23; }
        public List<String> args() { return List.of(Integer.toString(signal)); }
    }

    /** execve of argv[0], searched in the PATH of env; always the last step. */
    record Exec(List<String> argv, List<String> env) implements Step {
        public Exec {
            argv = List.copyOf(argv);
            env = List.copyOf(env);
        }

        public String describe(Plan plan) { return "exec: \"" + argv.getFirst() + "\""; }
        public int op() { return 24; }

        public List<String> args() {
            List<String> wire = new ArrayList<>();
            wire.add(Integer.toString(env.size()));
            wire.addAll(env);
            wire.addAll(argv);
            return wire;
        }
    }

    /** Steps kept in a file of their own ({@link UsernsStep}); each says how --explain shows it. */
    non-sealed interface Elsewhere extends Step {
        String command(Plan plan);
    }

    int S_IFCHR = 0020000;
    int S_IFBLK = 0060000;

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    private static String octal(int value) {
        return "0" + Integer.toOctalString(value);
    }
}
