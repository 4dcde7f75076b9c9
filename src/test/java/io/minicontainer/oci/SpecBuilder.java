package io.minicontainer.oci;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A typical container spec for tests, changed one thing at a time: an overlay root, /proc, a
 * process that runs {@code sh -c "echo hi"} as root, and the namespaces docker uses.
 */
public final class SpecBuilder {
    public static final String ROOTFS = "/var/lib/minicontainer/containers/c1/rootfs";
    public static final List<String> ARGS = List.of("sh", "-c", "echo hi");
    public static final List<String> ENV = List.of("PATH=/usr/bin:/bin", "HOSTNAME=c1", "HOME=/root");
    public static final String OVERLAY_DATA = "lowerdir=/images/alpine,upperdir=/c1/upper,workdir=/c1/work";

    private List<String> args = ARGS;
    private List<String> env = ENV;
    private String cwd = "/";
    private Spec.User user = Spec.User.root();
    private Spec.Capabilities capabilities = capabilities(List.of("CAP_CHOWN", "CAP_KILL"));
    private String rootPath = ROOTFS;
    private boolean readonlyRoot;
    private boolean noNewPrivileges;
    private boolean terminal;
    private String hostname = "c1";
    private final List<Spec.Mount> mounts = new ArrayList<>(List.of(
            new Spec.Mount("/", "overlay", "overlay", List.of(OVERLAY_DATA.split(","))),
            new Spec.Mount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev"))));
    private List<Spec.Namespace> namespaces = namespaces("pid", "ipc", "uts", "mount", "network");
    private List<String> maskedPaths = List.of();
    private List<String> readonlyPaths = List.of();
    private Map<String, String> annotations = Map.of();
    private Seccomp seccomp;
    private List<Spec.Rlimit> rlimits = List.of();
    private List<Spec.Device> devices = List.of();
    private List<Spec.DeviceRule> deviceRules = List.of();

    private SpecBuilder() {}

    public static SpecBuilder spec() {
        return new SpecBuilder();
    }

    public static List<Spec.Namespace> namespaces(String... types) {
        return java.util.Arrays.stream(types).map(Spec.Namespace::new).toList();
    }

    /** The same names in all five sets but ambient. */
    public static Spec.Capabilities capabilities(List<String> names) {
        return new Spec.Capabilities(names, names, names, List.of(), List.of());
    }

    public SpecBuilder args(String... args) { this.args = List.of(args); return this; }
    public SpecBuilder env(String... env) { this.env = List.of(env); return this; }
    public SpecBuilder cwd(String cwd) { this.cwd = cwd; return this; }
    public SpecBuilder user(long uid, long gid) { this.user = new Spec.User(uid, gid, java.util.List.of()); return this; }
    public SpecBuilder capabilities(Spec.Capabilities capabilities) { this.capabilities = capabilities; return this; }
    public SpecBuilder rootPath(String rootPath) { this.rootPath = rootPath; return this; }
    public SpecBuilder readonlyRoot() { this.readonlyRoot = true; return this; }
    public SpecBuilder noNewPrivileges() { this.noNewPrivileges = true; return this; }
    public SpecBuilder terminal() { this.terminal = true; return this; }
    public SpecBuilder hostname(String hostname) { this.hostname = hostname; return this; }
    public SpecBuilder noMounts() { mounts.clear(); return this; }
    public SpecBuilder namespaces(List<Spec.Namespace> namespaces) { this.namespaces = namespaces; return this; }
    public SpecBuilder maskedPaths(String... paths) { this.maskedPaths = List.of(paths); return this; }
    public SpecBuilder readonlyPaths(String... paths) { this.readonlyPaths = List.of(paths); return this; }
    public SpecBuilder annotations(Map<String, String> annotations) { this.annotations = annotations; return this; }
    public SpecBuilder seccomp(Seccomp seccomp) { this.seccomp = seccomp; return this; }
    public SpecBuilder rlimits(Spec.Rlimit... limits) { this.rlimits = List.of(limits); return this; }
    public SpecBuilder devices(Spec.Device... nodes) { this.devices = List.of(nodes); return this; }
    public SpecBuilder deviceRules(Spec.DeviceRule... rules) { this.deviceRules = List.of(rules); return this; }

    public SpecBuilder mount(String destination, String type, String source, String... options) {
        mounts.add(new Spec.Mount(destination, type, source, List.of(options)));
        return this;
    }

    public Spec build() {
        return new Spec(Spec.VERSION,
                new Spec.Process(terminal, user, args, env, cwd, capabilities, noNewPrivileges, rlimits),
                new Spec.Root(rootPath, readonlyRoot), hostname, mounts,
                new Spec.Linux(namespaces, maskedPaths, readonlyPaths, Optional.ofNullable(seccomp), devices, deviceRules),
                annotations);
    }
}
