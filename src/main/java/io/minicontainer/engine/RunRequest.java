package io.minicontainer.engine;

import io.minicontainer.engine.mount.MountRequest;
import io.minicontainer.network.Ipv4Address;
import io.minicontainer.network.Network;
import io.minicontainer.network.PortSpec;
import io.minicontainer.runtime.AttachOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code minicontainer run} was asked for, as parsed from the command line. Exactly one
 * of {@code rootfs} and {@code image} is present. {@code resources} are already checked (ResourceFlags.forRun);
 * {@code resources().limits()} is what the container's cgroup gets. {@code tty} is -t; {@code attach} is how
 * the CLI stays attached without -d (its stdin with -it, detach keys, --sig-proxy); {@code security} is checked too.
 */
public record RunRequest(
        Optional<Path> rootfs,
        Optional<String> image,
        Optional<String> platform,
        Optional<String> name,
        Optional<String> hostname,
        List<String> env,
        List<Path> envFiles,
        Optional<String> workdir,
        Optional<String> user,
        Optional<String> entrypoint,
        boolean interactive,
        boolean remove,
        boolean detach,
        List<String> logOptions,
        List<String> labels,
        NetworkMode network,
        boolean explain,
        List<String> command,
        List<MountRequest> mounts,
        HostResources resources,
        List<PortSpec> ports,
        DnsOptions dns,
        Confinement confinement,
        boolean tty,
        AttachOptions attach,
        ContainerSecurity security,
        Identity identity) {

    public RunRequest {
        env = List.copyOf(env);
        envFiles = List.copyOf(envFiles);
        command = List.copyOf(command);
        logOptions = List.copyOf(logOptions);
        labels = List.copyOf(labels);
        mounts = List.copyOf(mounts);
        resources = resources == null ? HostResources.none() : resources;
        ports = List.copyOf(ports);
        dns = dns == null ? DnsOptions.NONE : dns;
        confinement = confinement == null ? Confinement.NONE : confinement;
        attach = attach == null ? AttachOptions.DEFAULT : attach;
        security = security == null ? ContainerSecurity.defaults() : security;
        identity = identity == null ? Identity.DEFAULT : identity;
    }

    /** Without --group-add or --userns. */
    public RunRequest(Optional<Path> rootfs, Optional<String> image, Optional<String> platform, Optional<String> name,
            Optional<String> hostname, List<String> env, List<Path> envFiles, Optional<String> workdir,
            Optional<String> user, Optional<String> entrypoint, boolean interactive, boolean remove, boolean detach,
            List<String> logOptions, List<String> labels, NetworkMode network, boolean explain, List<String> command,
            List<MountRequest> mounts, HostResources resources, List<PortSpec> ports, DnsOptions dns,
            Confinement confinement, boolean tty, AttachOptions attach, ContainerSecurity security) {
        this(rootfs, image, platform, name, hostname, env, envFiles, workdir, user, entrypoint, interactive, remove, detach,
                logOptions, labels, network, explain, command, mounts, resources, ports, dns, confinement, tty, attach,
                security, Identity.DEFAULT);
    }

    /** Without --read-only, --ulimit, --device or a terminal, with docker's default security. */
    public RunRequest(Optional<Path> rootfs, Optional<String> image, Optional<String> platform, Optional<String> name,
            Optional<String> hostname, List<String> env, List<Path> envFiles, Optional<String> workdir,
            Optional<String> user, Optional<String> entrypoint, boolean interactive, boolean remove, boolean detach,
            List<String> logOptions, List<String> labels, NetworkMode network, boolean explain, List<String> command,
            List<MountRequest> mounts, HostResources resources, List<PortSpec> ports, DnsOptions dns) {
        this(rootfs, image, platform, name, hostname, env, envFiles, workdir, user, entrypoint, interactive, remove, detach,
                logOptions, labels, network, explain, command, mounts, resources, ports, dns, Confinement.NONE, false,
                AttachOptions.DEFAULT, null, null);
    }

    /** Without DNS options. */
    public RunRequest(Optional<Path> rootfs, Optional<String> image, Optional<String> platform, Optional<String> name,
            Optional<String> hostname, List<String> env, List<Path> envFiles, Optional<String> workdir,
            Optional<String> user, Optional<String> entrypoint, boolean interactive, boolean remove, boolean detach,
            List<String> logOptions, List<String> labels, NetworkMode network, boolean explain, List<String> command,
            List<MountRequest> mounts, HostResources resources, List<PortSpec> ports) {
        this(rootfs, image, platform, name, hostname, env, envFiles, workdir, user, entrypoint, interactive, remove, detach,
                logOptions, labels, network, explain, command, mounts, resources, ports, DnsOptions.NONE);
    }

    /** Without published ports. */
    public RunRequest(Optional<Path> rootfs, Optional<String> image, Optional<String> platform, Optional<String> name,
            Optional<String> hostname, List<String> env, List<Path> envFiles, Optional<String> workdir,
            Optional<String> user, Optional<String> entrypoint, boolean interactive, boolean remove, boolean detach,
            List<String> logOptions, List<String> labels, NetworkMode network, boolean explain, List<String> command,
            List<MountRequest> mounts, HostResources resources) {
        this(rootfs, image, platform, name, hostname, env, envFiles, workdir, user, entrypoint, interactive, remove, detach,
                logOptions, labels, network, explain, command, mounts, resources, List.of());
    }

    /** Without resource limits. */
    public RunRequest(Optional<Path> rootfs, Optional<String> image, Optional<String> platform, Optional<String> name,
            Optional<String> hostname, List<String> env, List<Path> envFiles, Optional<String> workdir,
            Optional<String> user, Optional<String> entrypoint, boolean interactive, boolean remove, boolean detach,
            List<String> logOptions, List<String> labels, NetworkMode network, boolean explain, List<String> command,
            List<MountRequest> mounts) {
        this(rootfs, image, platform, name, hostname, env, envFiles, workdir, user, entrypoint, interactive, remove, detach,
                logOptions, labels, network, explain, command, mounts, HostResources.none(), List.of());
    }

    /**
     * {@code --network}: none, host, bridge (the default) or a user-defined network's name, with a fixed
     * address ({@code --ip}) and {@code -P} (publish every port the image exposes, plus {@code --expose}).
     */
    public record NetworkMode(String name, Optional<Ipv4Address> ip, boolean publishAll, List<String> expose) {
        public static final NetworkMode NONE = named(Network.NONE);
        public static final NetworkMode HOST = named(Network.HOST);
        public static final NetworkMode BRIDGE = named(Network.DEFAULT);

        public NetworkMode {
            expose = List.copyOf(expose);
        }

        public static NetworkMode named(String name) {
            return new NetworkMode(name, Optional.empty(), false, List.of());
        }

        public boolean isNone() {
            return name.equals(Network.NONE);
        }

        public boolean isHost() {
            return name.equals(Network.HOST);
        }

        /** On a bridge: the default one or a user's; the container gets a network namespace the engine wires. */
        public boolean isBridged() {
            return !isNone() && !isHost();
        }
    }
}
