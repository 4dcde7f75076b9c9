package io.minicontainer.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.json.JsonException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecJsonTest {
    private static final String MINIMAL = """
            {
              "ociVersion": "1.2.0",
              "process": {"args": ["sh"]},
              "root": {"path": "/rootfs"}
            }
            """;

    private static Spec richSpec() {
        return SpecBuilder.spec()
                .capabilities(new Spec.Capabilities(List.of("CAP_CHOWN", "CAP_KILL"), List.of("CAP_CHOWN"),
                        List.of("CAP_CHOWN"), List.of("CAP_KILL"), List.of()))
                .cwd("/work dir").readonlyRoot().hostname("web-1")
                .mount("/etc/hosts", "bind", "/c1/hosts", "rbind", "rprivate")
                .mount("/data", "", "/srv/data", "bind")
                .namespaces(List.of(new Spec.Namespace("mount"), new Spec.Namespace("network", "/run/netns/x")))
                .maskedPaths("/proc/kcore").readonlyPaths("/proc/sys", "/proc/bus")
                .annotations(Map.of("org.example/quote", "say \"hi\"\n", "empty", ""))
                .env("UNICODE=héllo ☃", "TAB=a\tb")
                .build();
    }

    @Test
    void writeThenReadGivesBackTheSameSpec() {
        Spec spec = richSpec();

        assertThat(SpecJson.read(SpecJson.write(spec))).isEqualTo(spec);
    }

    @Test
    void writeThenReadKeepsANonRootUser() {
        Spec spec = SpecBuilder.spec().user(1000, 100).build();

        assertThat(SpecJson.read(SpecJson.write(spec)).process().user()).isEqualTo(new Spec.User(1000, 100, java.util.List.of()));
    }

    @Test
    void writesOciFieldNamesAndAFinalNewline() {
        String json = SpecJson.write(richSpec());

        assertThat(json).endsWith("}\n").contains("\"ociVersion\": \"1.2.0\"", "\"maskedPaths\"", "\"readonlyPaths\"",
                "\"noNewPrivileges\": false", "\"path\": \"/run/netns/x\"");
    }

    @Test
    void namespaceWithoutAPathIsWrittenWithoutOne() {
        String json = SpecJson.write(SpecBuilder.spec().namespaces(SpecBuilder.namespaces("mount")).build());

        assertThat(json).containsPattern("\\{\\s*\"type\": \"mount\"\\s*}");
    }

    @Test
    void readFillsDefaultsForOptionalFields() {
        Spec spec = SpecJson.read(MINIMAL);

        assertThat(spec.process().cwd()).isEqualTo("/");
        assertThat(spec.process().user()).isEqualTo(Spec.User.root());
        assertThat(spec.process().env()).isEmpty();
        assertThat(spec.hostname()).isEmpty();
        assertThat(spec.mounts()).isEmpty();
        assertThat(spec.linux().namespaces()).isEmpty();
        assertThat(spec.annotations()).isEmpty();
        assertThat(spec.root()).isEqualTo(new Spec.Root("/rootfs", false));
    }

    @Test
    void missingRootPathIsNamed() {
        String json = MINIMAL.replace("\"path\": \"/rootfs\"", "\"readonly\": true");

        assertThatThrownBy(() -> SpecJson.read(json)).isInstanceOf(JsonException.class)
                .hasMessage("config.json: missing root.path");
    }

    @Test
    void missingRootObjectIsNamedByItsPath() {
        String json = MINIMAL.replace(",\n  \"root\": {\"path\": \"/rootfs\"}", "");

        assertThatThrownBy(() -> SpecJson.read(json)).hasMessage("config.json: missing root.path");
    }

    @Test
    void mountWithoutDestinationIsNamedWithItsIndex() {
        String json = MINIMAL.replace("\"root\"", "\"mounts\": [{\"destination\": \"/proc\"}, {\"type\": \"tmpfs\"}], \"root\"");

        assertThatThrownBy(() -> SpecJson.read(json)).hasMessage("config.json: missing mounts[1].destination");
    }

    @Test
    void wronglyTypedFieldIsNamed() {
        String json = MINIMAL.replace("[\"sh\"]", "\"sh\"");

        assertThatThrownBy(() -> SpecJson.read(json)).hasMessage("config.json: process.args: expected an array");
    }
}
