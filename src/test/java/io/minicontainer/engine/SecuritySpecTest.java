package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.oci.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the security flags put in the spec: seccomp, masked paths, /sys; the devices are DeviceAccess's. */
class SecuritySpecTest {
    private static final List<Spec.Namespace> NAMESPACES = List.of(new Spec.Namespace("mount"));
    private static final ContainerSecurity PRIVILEGED = ContainerSecurity.resolve(
            new SecurityOptions(List.of(), List.of(), true, List.of()));

    @Test
    void aDefaultContainerIsFilteredAndMaskedWithTheDevicesItWasGiven() {
        DeviceAccess devices = DeviceAccess.resolve(List.of(), false);
        Spec.Linux linux = SecuritySpec.linux(ContainerSecurity.defaults(), NAMESPACES, devices);
        assertThat(linux.seccomp()).isPresent();
        assertThat(linux.maskedPaths()).contains("/proc/kcore", "/proc/keys");
        assertThat(linux.readonlyPaths()).contains("/proc/sys", "/proc/sysrq-trigger");
        assertThat(linux.devices()).isEmpty();
        assertThat(linux.deviceRules()).isEqualTo(DeviceAccess.DEFAULT_RULES);
    }

    @Test
    void aPrivilegedContainerIsNeitherMaskedNorFiltered() {
        Spec.Linux linux = SecuritySpec.linux(PRIVILEGED, NAMESPACES, DeviceAccess.resolve(List.of(), false));
        assertThat(linux.seccomp()).isEmpty();
        assertThat(linux.maskedPaths()).isEmpty();
        assertThat(linux.readonlyPaths()).isEmpty();
    }

    @Test
    void privilegedMakesSysAndTheCgroupFileSystemsWritable() {
        List<Spec.Mount> mounts = List.of(new Spec.Mount("/sys", "sysfs", "sysfs", List.of("nosuid", "ro")),
                new Spec.Mount("/sys/fs/cgroup/memory", "cgroup", "cgroup", List.of("ro", "memory")),
                new Spec.Mount("/data", "bind", "/srv", List.of("rbind", "ro")));
        assertThat(SecuritySpec.mounts(ContainerSecurity.defaults(), mounts)).isEqualTo(mounts);
        assertThat(SecuritySpec.mounts(PRIVILEGED, mounts)).extracting(Spec.Mount::options).containsExactly(
                List.of("nosuid"), List.of("memory"), List.of("rbind", "ro"));
    }
}
