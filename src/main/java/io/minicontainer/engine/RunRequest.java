package io.minicontainer.engine;

import io.minicontainer.engine.mount.MountRequest;
import io.minicontainer.network.PortSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code minicontainer run} was asked for, as parsed from the command line. Exactly one
 * of {@code rootfs} and {@code image} is present. {@code resources} are already checked (ResourceFlags.forRun);
 * {@code resources().limits()} is what the container's cgroup gets; {@code security} is checked too.
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
        ContainerSecurity security) {

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
        security = security == null ? ContainerSecurity.defaults() : security;
    }

    /** With docker's default security. */
    public RunRequest(Optional<Path> rootfs, Optional<String> image, Optional<String> platform, Optional<String> name,
            Optional<String> hostname, List<String> env, List<Path> envFiles, Optional<String> workdir,
            Optional<String> user, Optional<String> entrypoint, boolean interactive, boolean remove, boolean detach,
            List<String> logOptions, List<String> labels, NetworkMode network, boolean explain, List<String> command,
            List<MountRequest> mounts, HostResources resources, List<PortSpec> ports, DnsOptions dns) {
        this(rootfs, image, platform, name, hostname, env, envFiles, workdir, user, entrypoint, interactive, remove, detach,
                logOptions, labels, network, explain, command, mounts, resources, ports, dns, null);
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

    public enum NetworkMode { NONE, HOST, BRIDGE }
}
