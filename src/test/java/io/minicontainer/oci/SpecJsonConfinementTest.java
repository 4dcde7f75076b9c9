package io.minicontainer.oci;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** rlimits, linux.devices and linux.resources.devices in config.json, as the OCI spec writes them. */
class SpecJsonConfinementTest {

    @Test
    void rlimitsDevicesAndRulesRoundTripWithUnlimitedAsTheLargestUnsigned() {
        Spec spec = SpecBuilder.spec()
                .rlimits(new Spec.Rlimit("RLIMIT_NOFILE", 2048, 1024), new Spec.Rlimit("RLIMIT_CORE", -1, -1))
                .devices(new Spec.Device("/dev/sda", "b", 8, 0, 0660, 0, 6))
                .deviceRules(new Spec.DeviceRule(false, "a", -1, -1, "rwm"), new Spec.DeviceRule(true, "c", 136, -1, "rwm"))
                .build();

        String json = SpecJson.write(spec);

        assertThat(json).contains("\"type\": \"RLIMIT_CORE\",\n        \"hard\": 18446744073709551615,\n"
                + "        \"soft\": 18446744073709551615")
                .contains("\"resources\": {", "\"allow\": false,\n          \"type\": \"a\",\n          \"access\": \"rwm\"")
                .contains("\"type\": \"c\",\n          \"major\": 136,\n          \"access\"");
        assertThat(SpecJson.read(json)).isEqualTo(spec);
    }

    @Test
    void aSpecWithoutThemWritesNoneOfTheirFields() {
        String json = SpecJson.write(SpecBuilder.spec().build());

        assertThat(json).doesNotContain("rlimits", "\"devices\"", "resources");
        assertThat(SpecJson.read(json).linux().deviceRules()).isEmpty();
    }
}
