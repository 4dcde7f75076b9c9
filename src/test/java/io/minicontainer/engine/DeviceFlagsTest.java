package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.oci.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** --device as docker's CLI reads it, the host node it names, and --privileged's copy of the host's /dev. */
class DeviceFlagsTest {

    @ParameterizedTest
    @CsvSource({
        "/dev/null, /dev/null, /dev/null, rwm",
        "/dev/null:/dev/mynull, /dev/null, /dev/mynull, rwm",
        "/dev/null:r, /dev/null, /dev/null, r",
        "/dev/null:/dev/x/../mynull:mw, /dev/null, /dev/mynull, mw",
        "/dev/null:/dev/rw, /dev/null, /dev/rw, rwm"})
    void hostContainerAndPermissions(String value, String host, String container, String permissions) {
        assertThat(DeviceRequest.parse(value)).isEqualTo(new DeviceRequest(host, container, permissions));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/dev/null:/a:rwx | bad mode specified: rwx",
        "/dev/null:/a:rr | bad mode specified: rr",
        "/a:/b:rw:x | bad format for path: /a:/b:rw:x",
        ":/b | bad format for path: :/b",
        "/dev/null:relative | relative is not an absolute path",
        "relative | relative is not an absolute path"})
    void badValuesGetDockersMessages(String value, String message) {
        assertThatThrownBy(() -> DeviceRequest.parse(value))
                .hasMessage("invalid argument \"" + value + "\" for \"--device\" flag: " + message);
    }

    @Test
    void theHostNodeGivesTypeNumbersModeAndAnAllowRuleAfterDockersDefaults() {
        DeviceAccess access = DeviceAccess.resolve(List.of(new DeviceRequest("/dev/null", "/dev/mynull", "rw")), false);

        assertThat(access.nodes()).containsExactly(new Spec.Device("/dev/mynull", "c", 1, 3, 0666, 0, 0));
        assertThat(access.rules()).startsWith(new Spec.DeviceRule(false, "a", -1, -1, "rwm"))
                .endsWith(new Spec.DeviceRule(true, "c", 1, 3, "rw")).hasSize(DeviceAccess.DEFAULT_RULES.size() + 1);
    }

    @Test
    void withoutDevicesTheRulesAreDockersDefaults() {
        assertThat(DeviceAccess.resolve(List.of(), false).rules()).isEqualTo(DeviceAccess.DEFAULT_RULES)
                .contains(new Spec.DeviceRule(true, "b", -1, -1, "m"), new Spec.DeviceRule(true, "c", 136, -1, "rwm"))
                .noneMatch(rule -> rule.allow() && rule.type().equals("b") && rule.access().contains("r"));
    }

    @Test
    void missingPathsAndFilesThatAreNoDevicesAreRefused() {
        assertThatThrownBy(() -> DeviceAccess.resolve(List.of(DeviceRequest.parse("/dev/no-such-device")), false))
                .hasMessage("error gathering device information while adding custom device \"/dev/no-such-device\":"
                        + " no such file or directory");
        assertThatThrownBy(() -> DeviceAccess.resolve(List.of(DeviceRequest.parse("/etc/hostname")), false))
                .hasMessageEndingWith("\"/etc/hostname\": not a device node");
    }

    @Test
    void privilegedGetsACopyOfEachHostDeviceAllOpenAndADeviceFlagReplacesTheHostsNode() {
        DeviceAccess access = DeviceAccess.resolve(List.of(new DeviceRequest("/dev/zero", "/dev/null", "r")), true);

        assertThat(access.rules()).startsWith(DeviceAccess.ALLOW_ALL);
        assertThat(access.nodes()).contains(new Spec.Device("/dev/zero", "c", 1, 5, 0666, 0, 0))
                .allSatisfy(node -> assertThat(node.type()).isIn("b", "c"))
                .noneMatch(node -> node.path().startsWith("/dev/pts/") || node.path().equals("/dev/console")
                        || node.path().equals("/dev/ptmx"));
        assertThat(access.nodes()).filteredOn(node -> node.path().equals("/dev/null")).singleElement()
                .extracting(Spec.Device::minor).isEqualTo(5L);
    }

    @Test
    void majorAndMinorDecodeTheKernelsEncoding() {
        long rdev = (259L & 0xfff) << 8 | (0x12345L & 0xff) | (0x12345L & ~0xffL) << 12 | (259L & ~0xfffL) << 32;
        assertThat(DeviceAccess.major(rdev)).isEqualTo(259);
        assertThat(DeviceAccess.minor(rdev)).isEqualTo(0x12345);
        assertThat(DeviceAccess.major(0x0103)).isEqualTo(1);
        assertThat(DeviceAccess.minor(0x0103)).isEqualTo(3);
    }
}
