package io.minicontainer.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** linux.seccomp, linux.devices and linux.resources.devices in config.json, as the runtime spec writes them. */
class SpecJsonSecurityTest {
    private static final Seccomp SECCOMP = new Seccomp("SCMP_ACT_ERRNO", OptionalInt.of(1), List.of("SCMP_ARCH_X86_64"),
            List.of(new Seccomp.Rule(List.of("read", "write"), "SCMP_ACT_ALLOW", OptionalInt.empty(), List.of()),
                    new Seccomp.Rule(List.of("clone3"), "SCMP_ACT_ERRNO", OptionalInt.of(38), List.of()),
                    new Seccomp.Rule(List.of("personality"), "SCMP_ACT_ALLOW", OptionalInt.empty(),
                            List.of(new Seccomp.Arg(0, 0xffffffffL, 0, "SCMP_CMP_EQ")))));

    @Test
    void seccompDevicesAndDeviceRulesSurviveTheRoundTrip() {
        Spec spec = SpecBuilder.spec().seccomp(SECCOMP).devices(new Device("/dev/loop0", "b", 7, 0, 0660, 0, 6)).build();
        Spec withRules = new Spec(spec.ociVersion(), spec.process(), spec.root(), spec.hostname(), spec.mounts(),
                new Spec.Linux(spec.linux().namespaces(), List.of(), List.of(), spec.linux().seccomp(), spec.linux().devices(),
                        List.of(DeviceRule.all(false), DeviceRule.allowChar(136, DeviceRule.ANY, "rwm"))),
                spec.annotations());

        assertThat(SpecJson.read(SpecJson.write(withRules))).isEqualTo(withRules);
    }

    @Test
    void wildcardNumbersAreLeftOutAndErrnoOnlyWhenGiven() {
        Spec spec = SpecBuilder.spec().seccomp(SECCOMP).build();
        Spec withRules = new Spec(spec.ociVersion(), spec.process(), spec.root(), spec.hostname(), spec.mounts(),
                new Spec.Linux(List.of(), List.of(), List.of(), spec.linux().seccomp(), List.of(),
                        List.of(DeviceRule.allowChar(136, DeviceRule.ANY, "rwm"))), spec.annotations());
        String json = SpecJson.write(withRules);

        assertThat(json).contains("\"resources\"", "\"major\": 136", "\"defaultErrnoRet\": 1", "\"errnoRet\": 38")
                .doesNotContain("\"minor\"");
        assertThat(SpecJson.write(SpecBuilder.spec().build())).doesNotContain("seccomp", "resources", "\"devices\"");
    }
}
