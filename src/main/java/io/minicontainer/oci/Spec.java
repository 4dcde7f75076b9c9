package io.minicontainer.oci;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of the OCI runtime-spec {@code config.json} that MiniContainer reads and writes.
 * Records only: the vocabulary shared by the engine (which writes bundles) and the runtime
 * (which turns them into launch plans).
 *
 * @see <a href="https://github.com/opencontainers/runtime-spec/blob/main/config.md">config.md</a>
 */
public record Spec(
        String ociVersion,
        Process process,
        Root root,
        String hostname,
        List<Mount> mounts,
        Linux linux,
        Map<String, String> annotations) {

    public static final String VERSION = "1.2.0";

    public Spec {
        mounts = List.copyOf(mounts);
        annotations = Map.copyOf(annotations);
    }

    public record Process(
            boolean terminal,
            User user,
            List<String> args,
            List<String> env,
            String cwd,
            Capabilities capabilities,
            boolean noNewPrivileges,
            List<Rlimit> rlimits) {
        public Process {
            args = List.copyOf(args);
            env = List.copyOf(env);
            rlimits = List.copyOf(rlimits);
        }

        /** Without rlimits: the process keeps the limits it inherits. */
        public Process(boolean terminal, User user, List<String> args, List<String> env, String cwd,
                Capabilities capabilities, boolean noNewPrivileges) {
            this(terminal, user, args, env, cwd, capabilities, noNewPrivileges, List.of());
        }
    }

    /**
     * A resource limit ({@code RLIMIT_NOFILE}); {@code -1} stands for RLIM_INFINITY, which the spec
     * writes as the unsigned 18446744073709551615.
     */
    public record Rlimit(String type, long hard, long soft) {}

    public record User(long uid, long gid, List<Long> additionalGids) {
        public User {
            additionalGids = List.copyOf(additionalGids);
        }

        public static User root() {
            return new User(0, 0, List.of());
        }
    }

    /** Capability names as the spec writes them ({@code CAP_CHOWN}), one list per set. */
    public record Capabilities(
            List<String> bounding,
            List<String> effective,
            List<String> permitted,
            List<String> inheritable,
            List<String> ambient) {
        public Capabilities {
            bounding = List.copyOf(bounding);
            effective = List.copyOf(effective);
            permitted = List.copyOf(permitted);
            inheritable = List.copyOf(inheritable);
            ambient = List.copyOf(ambient);
        }
    }

    public record Root(String path, boolean readonly) {}

    public record Mount(String destination, String type, String source, List<String> options) {
        public Mount {
            options = List.copyOf(options);
        }
    }

    /**
     * @param seccomp     the system call filter; empty: none (unconfined, privileged)
     * @param devices     device nodes created in the container besides the default ones
     * @param deviceRules the device cgroup's {@code resources.devices}, in order, the last matching
     *                    rule deciding (empty: no device cgroup)
     */
    public record Linux(List<Namespace> namespaces, List<String> maskedPaths, List<String> readonlyPaths,
            Optional<Seccomp> seccomp, List<Device> devices, List<DeviceRule> deviceRules) {
        public Linux {
            namespaces = List.copyOf(namespaces);
            maskedPaths = List.copyOf(maskedPaths);
            readonlyPaths = List.copyOf(readonlyPaths);
            devices = List.copyOf(devices);
            deviceRules = List.copyOf(deviceRules);
        }

        /** No seccomp filter, no devices beyond the defaults, no device cgroup. */
        public Linux(List<Namespace> namespaces, List<String> maskedPaths, List<String> readonlyPaths) {
            this(namespaces, maskedPaths, readonlyPaths, Optional.empty(), List.of(), List.of());
        }
    }

    /** A device node: {@code type} c or b, with the file mode's permission bits, owner and group. */
    public record Device(String path, String type, long major, long minor, int fileMode, long uid, long gid) {}

    /**
     * One device cgroup rule: {@code type} a (all), c or b; {@code major}/{@code minor} -1 for "*";
     * {@code access} some of r, w, m.
     */
    public record DeviceRule(boolean allow, String type, long major, long minor, String access) {}

    /** {@code type} is the spec's name (pid, network, mount, ipc, uts, user, cgroup); a path joins one. */
    public record Namespace(String type, String path) {
        public Namespace(String type) {
            this(type, "");
        }
    }
}
