package io.minicontainer.runtime;

import static io.minicontainer.runtime.MountOptions.MS_BIND;
import static io.minicontainer.runtime.MountOptions.MS_NODEV;
import static io.minicontainer.runtime.MountOptions.MS_NOEXEC;
import static io.minicontainer.runtime.MountOptions.MS_NOSUID;
import static io.minicontainer.runtime.MountOptions.MS_PRIVATE;
import static io.minicontainer.runtime.MountOptions.MS_RDONLY;
import static io.minicontainer.runtime.MountOptions.MS_REC;
import static io.minicontainer.runtime.MountOptions.MS_REMOUNT;

import io.minicontainer.oci.Spec;
import io.minicontainer.runtime.Host.PathKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles an OCI spec into a launch plan: a pure function of the spec, the caller's options
 * and what the {@link Host} says exists. The method order below is the order of the plan.
 */
public final class PlanCompiler {
    private static final int SIGKILL = 9;
    private static final int DIR_MODE = 0755;

    /** The devices every container gets (OCI "default devices"): name, major, minor. */
    private static final List<Device> DEFAULT_DEVICES = List.of(
            new Device("null", 1, 3), new Device("zero", 1, 5), new Device("full", 1, 7),
            new Device("random", 1, 8), new Device("urandom", 1, 9), new Device("tty", 5, 0));

    /** The links of a standard /dev: link name, target. */
    private static final List<List<String>> DEV_LINKS = List.of(
            List.of("fd", "/proc/self/fd"), List.of("stdin", "/proc/self/fd/0"),
            List.of("stdout", "/proc/self/fd/1"), List.of("stderr", "/proc/self/fd/2"),
            List.of("ptmx", "pts/ptmx"));

    private record Device(String name, int major, int minor) {}

    private final Spec spec;
    private final LaunchOptions options;
    private final Host host;
    private final String rootfs;
    private final Set<Namespace> namespaces;
    private final List<Step> steps = new ArrayList<>();
    private final Optional<UsernsPlan> userns;

    private PlanCompiler(Spec spec, LaunchOptions options, Host host) {
        this.spec = spec;
        this.options = options;
        this.host = host;
        this.rootfs = stripTrailingSlash(spec.root().path());
        this.namespaces = namespaces(spec);
        this.userns = UsernsPlan.of(spec, steps);
    }

    public static Plan compile(Spec spec, LaunchOptions options, Host host) {
        PlanCompiler compiler = new PlanCompiler(spec, options, host);
        compiler.monitorSide();
        compiler.detachFromCaller();
        compiler.prepareRoot();
        compiler.specMounts();
        compiler.devices();
        compiler.steps.add(new Step.PivotRoot(compiler.rootfs));
        compiler.hidePaths();
        compiler.identity();
        compiler.workingDirectory();
        compiler.readOnlyRoot();
        compiler.process();
        return new Plan(compiler.rootfs, compiler.steps);
    }

    /** The plan of {@code exec}: one more process in the running container the spec describes. */
    public static Plan compileExec(Spec spec, ExecOptions options) {
        return ExecPlanCompiler.compile(spec, options);
    }

    /**
     * The plan of {@code attach}: the CLI becomes one more client of a running container's monitor, which
     * listens on {@code socket}; the helper removes {@code planFile} as soon as it has read it.
     */
    public static Plan compileAttach(String socket, boolean terminal, AttachOptions attach, String planFile) {
        List<Step> steps = new ArrayList<>(List.of(new Step.RemoveOnExit(planFile), new Step.Attach(socket)));
        if (terminal) {
            steps.add(new Step.TerminalClient(attach.detachKeys()));
        }
        if (attach.stdin()) {
            steps.add(new Step.SendStdin());
        }
        if (!attach.sigProxy()) {
            steps.add(new Step.NoSignalProxy());
        }
        return new Plan("/", steps);
    }

    private void monitorSide() {
        steps.add(new Step.Clone(namespaces.stream().filter(ns -> !unsharedLater(ns) && joinedPath(ns).isEmpty()).toList()));
        userns.ifPresent(plan -> plan.monitorSide(joinedPath(Namespace.NETWORK)));
        options.ownedNamespaces().forEach(path -> steps.add(new Step.NamespaceOnExit(path)));
        if (!options.exitCommand().isEmpty()) {
            steps.add(new Step.ExitCommand(options.exitCommand()));
        }
        options.cgroup().procsFiles().forEach(file -> steps.add(new Step.CgroupProcs(file)));
        options.cgroup().oomEvents().ifPresent(file -> steps.add(new Step.OomEvents(file)));
        options.removeOnExit().forEach(path -> steps.add(new Step.RemoveOnExit(path)));
        options.removeOnFailure().forEach(path -> steps.add(new Step.RemoveOnFailure(path)));
        options.stateDir().ifPresent(dir -> steps.add(new Step.StateDir(dir)));
        if (!options.log().equals(LaunchOptions.LogLimits.UNLIMITED)) {
            steps.add(new Step.LogRotation(options.log().maxSize(), options.log().maxFiles()));
        }
        options.detach().ifPresentOrElse(text -> steps.add(new Step.Detach(text)), this::attached);
    }

    /** How the CLI that stays stays attached: without a terminal the container reads its stdin itself. */
    private void attached() {
        AttachOptions attach = options.attach();
        if (spec.process().terminal()) {
            steps.add(new Step.TerminalClient(attach.detachKeys()));
            if (attach.stdin()) {
                steps.add(new Step.SendStdin());
            }
        }
        if (!attach.sigProxy()) {
            steps.add(new Step.NoSignalProxy());
        }
    }

    /** A cgroup namespace made at clone would have the monitor's cgroup as its root: the container's is wanted. */
    private boolean unsharedLater(Namespace namespace) {
        return namespace == Namespace.CGROUP && !options.cgroup().procsFiles().isEmpty();
    }

    /** A network namespace made with the container's own (in its user namespace, if any). */
    private boolean ownsNetwork() {
        return namespaces.contains(Namespace.NETWORK) && joinedPath(Namespace.NETWORK).isEmpty();
    }

    /** The path of a namespace the spec joins rather than creates. */
    private Optional<String> joinedPath(Namespace namespace) {
        return spec.linux().namespaces().stream().filter(ns -> Namespace.bySpecName(ns.type()).orElse(null) == namespace)
                .map(Spec.Namespace::path).filter(path -> !path.isEmpty()).findFirst();
    }

    private void detachFromCaller() {
        if (userns.isEmpty()) { // with a user namespace, the monitor clones it in a joined network namespace
            namespaces.forEach(ns -> joinedPath(ns).ifPresent(path -> steps.add(new Step.SetNs(path, ns))));
        }
        if (namespaces.stream().anyMatch(this::unsharedLater)) {
            steps.add(new Step.Unshare(List.of(Namespace.CGROUP)));
        }
        steps.add(new Step.SetSid());
        if (options.dieWithParent()) {
            steps.add(new Step.ParentDeathSignal(SIGKILL));
        }
        steps.add(new Step.Umask(0));
    }

    private void prepareRoot() {
        if (!namespaces.contains(Namespace.MOUNT)) {
            throw new SpecException("linux.namespaces: a mount namespace is required");
        }
        steps.add(new Step.Mount("", "/", "", MS_REC | MS_PRIVATE, ""));
        steps.add(new Step.Mount(rootfs, rootfs, "", MS_BIND | MS_REC, ""));
    }

    private void specMounts() {
        for (Spec.Mount mount : spec.mounts()) {
            if (!mount.destination().startsWith("/")) {
                throw new SpecException("mounts: destination " + mount.destination() + " is not absolute");
            }
            if (Arrays.asList(mount.destination().split("/")).contains("..")) {
                throw new SpecException("mounts: destination " + mount.destination() + " must not contain '..'");
            }
            String target = mount.destination().equals("/") ? rootfs : rootfs + mount.destination();
            MountOptions parsed = MountOptions.parse(mount.options());
            createMountPoint(mount, target, parsed);
            if (userns.isPresent() && parsed.isBind()) {
                userns.get().bind(mount.source(), target, parsed);
            } else if (userns.isPresent() && mount.type().equals("overlay")) {
                userns.get().overlay(parsed.data(), target);
            } else if (userns.isPresent() && mount.type().equals("sysfs") && !ownsNetwork()) {
                userns.get().hostSys(target);
            } else if (parsed.isBind()) {
                bindMount(mount.source(), target, parsed);
            } else if (mount.type().equals("overlay")) {
                overlayMount(mount.source(), target, parsed);
            } else {
                steps.add(new Step.Mount(mount.source(), target, mount.type(), parsed.flags(), parsed.data()));
            }
            if (parsed.propagation() != 0) {
                steps.add(new Step.Mount("", target, "", parsed.propagation(), ""));
            }
            MountAttributes recursive = MountAttributes.recursive(mount.options());
            if (!recursive.isEmpty()) {
                steps.add(new Step.SetMountAttributes(target, recursive.set(), recursive.clear()));
            }
        }
    }

    private void createMountPoint(Spec.Mount mount, String target, MountOptions parsed) {
        if (target.equals(rootfs)) {
            return;
        }
        PathKind source = parsed.isBind() ? host.kind(mount.source()) : PathKind.DIRECTORY;
        switch (source) {
            case MISSING -> throw new SpecException(
                    "mounts: bind source " + mount.source() + " for " + mount.destination() + " does not exist");
            case FILE -> {
                steps.add(new Step.Mkdir(parentOf(target), DIR_MODE));
                steps.add(new Step.Touch(target, 0644));
            }
            case DIRECTORY -> steps.add(new Step.Mkdir(target, DIR_MODE));
        }
    }

    private void overlayMount(String source, String target, MountOptions parsed) {
        OverlayData fitted = OverlayData.fit(parsed.data());
        if (!fitted.workingDirectory().isEmpty()) {
            steps.add(new Step.Chdir(fitted.workingDirectory()));
        }
        steps.add(new Step.Mount(source, target, "overlay", parsed.flags(), fitted.data()));
    }

    /** A bind mount ignores every flag but MS_REC; the others take a remount to apply. */
    private void bindMount(String source, String target, MountOptions parsed) {
        steps.add(new Step.Mount(source, target, "", parsed.flags() & (MS_BIND | MS_REC), ""));
        long rest = parsed.flags() & ~(MS_BIND | MS_REC);
        if (rest != 0) {
            steps.add(new Step.Mount("", target, "", rest | MS_BIND | MS_REMOUNT, ""));
        }
    }

    /** The default devices in a /dev of the container's own; the spec's devices (--device) wherever they go. */
    private void devices() {
        boolean ownDev = spec.mounts().stream().anyMatch(m -> m.destination().equals("/dev"));
        Set<String> given = new HashSet<>(spec.linux().devices().stream().map(Spec.Device::path).toList());
        if (ownDev) {
            for (Device device : DEFAULT_DEVICES) {
                if (userns.isPresent()) {
                    userns.get().device(device.name(), rootfs + "/dev/" + device.name());
                } else if (!given.contains("/dev/" + device.name())) {
                    steps.add(new Step.Mknod(rootfs + "/dev/" + device.name(), 0666, device.major(), device.minor()));
                }
            }
            for (List<String> link : DEV_LINKS) {
                steps.add(new Step.Symlink(link.get(1), rootfs + "/dev/" + link.get(0)));
            }
        }
        Set<String> directories = new HashSet<>(); // a privileged container's hundred devices share a few
        for (Spec.Device device : spec.linux().devices()) {
            if (!device.path().startsWith("/") || Arrays.asList(device.path().split("/")).contains("..")) {
                throw new SpecException("linux.devices: path " + device.path() + " must be absolute, without '..'");
            }
            if (!device.type().equals("c") && !device.type().equals("b")) {
                throw new SpecException("linux.devices: " + device.path() + " has type " + device.type()
                        + " (only c and b are supported)");
            }
            if (directories.add(parentOf(device.path()))) {
                steps.add(new Step.Mkdir(parentOf(rootfs + device.path()), DIR_MODE));
            }
            steps.add(new Step.Mknod(rootfs + device.path(), device.type().charAt(0), device.fileMode() & 07777,
                    device.major(), device.minor(), device.uid(), device.gid()));
        }
    }

    /** After pivot_root, so these are container paths; absent ones (no /proc/kcore here) are skipped. */
    private void hidePaths() {
        for (String path : spec.linux().maskedPaths()) {
            switch (host.kind(path)) {
                case MISSING -> { }
                case DIRECTORY -> steps.add(new Step.Mount("tmpfs", path, "tmpfs", MS_RDONLY, ""));
                case FILE -> steps.add(new Step.Mount("/dev/null", path, "", MS_BIND, ""));
            }
        }
        for (String path : spec.linux().readonlyPaths()) {
            if (host.kind(path) != PathKind.MISSING) {
                steps.add(new Step.Mount(path, path, "", MS_BIND | MS_REC, ""));
                steps.add(new Step.Mount("", path, "",
                        MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, ""));
            }
        }
    }

    /** Created as root before a read-only remount: docker makes a missing working directory too. */
    private void workingDirectory() {
        if (!spec.process().cwd().equals("/")) {
            steps.add(new Step.Mkdir(spec.process().cwd(), DIR_MODE));
        }
    }

    /**
     * --read-only: the root mount alone becomes read-only, last of the file system steps; what is
     * mounted on it (/dev, /proc, volumes, tmpfs, /etc/hosts...) keeps its own flags, as in docker.
     */
    private void readOnlyRoot() {
        if (spec.root().readonly()) {
            steps.add(new Step.Mount("", "/", "", MS_BIND | MS_REMOUNT | MS_RDONLY, ""));
        }
    }

    private void identity() {
        if (namespaces.contains(Namespace.UTS) && !spec.hostname().isEmpty()) {
            steps.add(new Step.SetHostname(spec.hostname()));
        }
        if (namespaces.contains(Namespace.NETWORK) && (userns.isEmpty() || ownsNetwork())) { // the engine's is up
            steps.add(new Step.LinkUp("lo"));
        }
    }

    private void process() {
        Spec.Process process = spec.process();
        if (process.args().isEmpty()) {
            throw new SpecException("process.args: no command to run");
        }
        if (process.terminal()) {
            steps.add(new Step.Terminal(process.user().uid(), "/dev/console")); // it is stdin, stdout and stderr
        } else if (!options.keepStdin()) {
            steps.add(new Step.OpenStdin("/dev/null"));
        }
        steps.addAll(rlimits(process));
        ProcessSteps.add(steps, process.capabilities(), process.user(), process.cwd(), process.noNewPrivileges(),
                spec.linux().seccomp());
        steps.add(new Step.Exec(process.args(), process.env()));
    }

    /** Each of the process's limits, set while still root: raising a hard limit may need CAP_SYS_RESOURCE. */
    static List<Step.Rlimit> rlimits(Spec.Process process) {
        return process.rlimits().stream().map(limit -> new Step.Rlimit(RlimitType.bySpecName(limit.type())
                .orElseThrow(() -> new SpecException("process.rlimits: unknown type " + limit.type())),
                limit.soft(), limit.hard())).toList();
    }

    static Step.Capabilities capabilities(Spec.Capabilities caps) {
        return new Step.Capabilities(mask("effective", caps.effective()), mask("permitted", caps.permitted()),
                mask("inheritable", caps.inheritable()), mask("ambient", caps.ambient()));
    }

    static long mask(String set, List<String> names) {
        long mask = 0;
        for (String name : names) {
            mask |= Capability.byName(name)
                    .orElseThrow(() -> new SpecException("process.capabilities." + set + ": unknown capability " + name))
                    .bit();
        }
        return mask;
    }

    static Set<Namespace> namespaces(Spec spec) {
        Set<Namespace> result = EnumSet.noneOf(Namespace.class);
        for (Spec.Namespace ns : spec.linux().namespaces()) {
            Namespace namespace = Namespace.bySpecName(ns.type())
                    .orElseThrow(() -> new SpecException("linux.namespaces: unknown type " + ns.type()));
            if (!ns.path().isEmpty() && namespace != Namespace.NETWORK) {
                throw new SpecException("linux.namespaces: joining " + ns.type() + " namespace " + ns.path()
                        + " is not supported yet");
            }
            result.add(namespace);
        }
        return result;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static String stripTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
