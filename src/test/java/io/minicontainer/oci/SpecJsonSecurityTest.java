package io.minicontainer.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** linux.seccomp in config.json, as the runtime spec writes it (devices: SpecJsonConfinementTest). */
class SpecJsonSecurityTest {
    private static final Seccomp SECCOMP = new Seccomp("SCMP_ACT_ERRNO", OptionalInt.of(1), List.of("SCMP_ARCH_X86_64"),
            List.of(new Seccomp.Rule(List.of("read", "write"), "SCMP_ACT_ALLOW", OptionalInt.empty(), List.of()),
                    new Seccomp.Rule(List.of("clone3"), "SCMP_ACT_ERRNO", OptionalInt.of(38), List.of()),
                    new Seccomp.Rule(List.of("personality"), "SCMP_ACT_ALLOW", OptionalInt.empty(),
                            List.of(new Seccomp.Arg(0, 0xffffffffL, 0, "SCMP_CMP_EQ")))));

    @Test
    void seccompSurvivesTheRoundTripNextToDevices() {
        Spec spec = SpecBuilder.spec().seccomp(SECCOMP).devices(new Spec.Device("/dev/loop0", "b", 7, 0, 0660, 0, 6))
                .deviceRules(new Spec.DeviceRule(true, "a", -1, -1, "rwm")).build();

        assertThat(SpecJson.read(SpecJson.write(spec))).isEqualTo(spec);
    }

    @Test
    void errnoOnlyWhenGivenAndNoSeccompWithoutAFilter() {
        String json = SpecJson.write(SpecBuilder.spec().seccomp(SECCOMP).build());

        assertThat(json).contains("\"seccomp\"", "\"defaultErrnoRet\": 1", "\"errnoRet\": 38");
        assertThat(SpecJson.write(SpecBuilder.spec().build())).doesNotContain("seccomp");
    }
}
