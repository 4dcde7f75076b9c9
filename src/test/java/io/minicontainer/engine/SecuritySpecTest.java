package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.oci.Device;
import io.minicontainer.oci.DeviceRule;
import io.minicontainer.oci.Spec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the security flags put in the spec: seccomp, masked paths, devices, the device cgroup, /sys. */
class SecuritySpecTest {
    private static final List<Spec.Namespace> NAMESPACES = List.of(new Spec.Namespace("mount"));
    private static final ContainerSecurity PRIVILEGED = ContainerSecurity.resolve(
            new SecurityOptions(List.of(), List.of(), true, List.of()));

    @Test
    void aDefaultContainerIsFilteredMaskedAndMayOpenOnlyTheUsualDevices() {
        Spec.Linux linux = SecuritySpec.linux(ContainerSecurity.defaults(), NAMESPACES);
        assertThat(linux.seccomp()).isPresent();
        assertThat(linux.maskedPaths()).contains("/proc/kcore", "/proc/keys");
        assertThat(linux.readonlyPaths()).contains("/proc/sys", "/proc/sysrq-trigger");
        assertThat(linux.devices()).isEmpty();
        assertThat(linux.deviceRules().getFirst()).isEqualTo(DeviceRule.all(false));
        assertThat(linux.deviceRules()).contains(DeviceRule.allowChar(1, 3, "rwm"), DeviceRule.allowChar(136, -1, "rwm"))
                .noneMatch(rule -> rule.allow() && rule.type().equals("b") && rule.access().contains("r"));
    }

    @Test
    void aPrivilegedContainerHasTheHostsDevicesAllOfThemOpenAndNothingMaskedOrFiltered() {
        Spec.Linux linux = SecuritySpec.linux(PRIVILEGED, NAMESPACES);
        assertThat(linux.seccomp()).isEmpty();
        assertThat(linux.maskedPaths()).isEmpty();
        assertThat(linux.readonlyPaths()).isEmpty();
        assertThat(linux.deviceRules()).containsExactly(DeviceRule.all(true));
        assertThat(linux.devices()).contains(new Device("/dev/null", "c", 1, 3, 0666, 0, 0))
                .noneMatch(d -> d.path().startsWith("/dev/pts/") || d.path().equals("/dev/console"));
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

    @Test
    void hostDevicesAreCharacterAndBlockNodesWithTheirNumbers() {
        List<Device> devices = HostDevices.scan(Path.of("/dev"));
        assertThat(devices).contains(new Device("/dev/zero", "c", 1, 5, 0666, 0, 0));
        assertThat(devices).allSatisfy(d -> assertThat(d.type()).isIn("b", "c"));
    }
}
