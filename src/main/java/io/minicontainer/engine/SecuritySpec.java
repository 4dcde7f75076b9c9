package io.minicontainer.engine;

import io.minicontainer.oci.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The parts of a container's spec the security flags decide: the seccomp filter, masked and read-only
 * paths, and for --privileged a writable /sys, as docker. (Its devices are {@link DeviceAccess}'s.)
 */
final class SecuritySpec {
    private static final Path KERNEL_RELEASE = Path.of("/proc/sys/kernel/osrelease");

    private SecuritySpec() {}

    static Spec.Linux linux(ContainerSecurity security, List<Spec.Namespace> namespaces, DeviceAccess devices) {
        boolean confined = security.systemPathsConfined();
        return new Spec.Linux(namespaces, confined ? DockerDefaults.MASKED_PATHS : List.of(),
                confined ? DockerDefaults.READONLY_PATHS : List.of(), security.seccomp(kernelRelease()), devices.nodes(),
                devices.rules());
    }

    /** This kernel's release, which the profile's minKernel conditions compare with. */
    private static String kernelRelease() {
        try {
            return Files.readString(KERNEL_RELEASE).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("read " + KERNEL_RELEASE + ": " + e.getMessage(), e);
        }
    }

    /** Privileged: /sys and the cgroup file systems writable, as docker mounts them. */
    static List<Spec.Mount> mounts(ContainerSecurity security, List<Spec.Mount> mounts) {
        if (!security.privileged()) {
            return mounts;
        }
        return mounts.stream().map(m -> List.of("sysfs", "cgroup", "cgroup2").contains(m.type())
                ? new Spec.Mount(m.destination(), m.type(), m.source(), m.options().stream().filter(o -> !o.equals("ro"))
                        .toList())
                : m).toList();
    }
}
