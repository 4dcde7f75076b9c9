package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.oci.Seccomp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerSecurityTest {
    @TempDir
    Path dir;

    private static ContainerSecurity opts(String... securityOpts) {
        return ContainerSecurity.resolve(new SecurityOptions(List.of(), List.of(), false, List.of(securityOpts)));
    }

    @Test
    void byDefaultDockersCapabilitiesAndProfileAndNoNoNewPrivileges() {
        ContainerSecurity security = ContainerSecurity.defaults();
        assertThat(security.capabilities()).isEqualTo(DockerDefaults.CAPABILITIES);
        assertThat(security.noNewPrivileges()).isFalse();
        assertThat(security.profile()).isPresent();
        assertThat(security.systemPathsConfined()).isTrue();
        Seccomp seccomp = security.seccomp("6.18.0").orElseThrow();
        assertThat(seccomp.defaultAction()).isEqualTo("SCMP_ACT_ERRNO");
        assertThat(seccomp.syscalls()).noneMatch(rule -> rule.names().contains("mount"));
    }

    @Test
    void noNewPrivilegesAloneOrAsABooleanWithEqualsOrTheOldColon() {
        assertThat(opts("no-new-privileges").noNewPrivileges()).isTrue();
        assertThat(opts("no-new-privileges=true").noNewPrivileges()).isTrue();
        assertThat(opts("no-new-privileges:1").noNewPrivileges()).isTrue();
        assertThat(opts("no-new-privileges", "no-new-privileges=false").noNewPrivileges()).isFalse();
        assertThatThrownBy(() -> opts("no-new-privileges=maybe"))
                .hasMessage("invalid --security-opt 2: \"no-new-privileges=maybe\"");
    }

    @Test
    void badOptionsGetDockersTwoMessages() {
        assertThatThrownBy(() -> opts("seccomp")).hasMessage("invalid --security-opt: \"seccomp\"");
        assertThatThrownBy(() -> opts("seccomp=")).hasMessage("invalid --security-opt: \"seccomp=\"");
        assertThatThrownBy(() -> opts("color=blue")).hasMessage("invalid --security-opt 2: \"color=blue\"");
        assertThatThrownBy(() -> opts("systempaths=confined")).hasMessage("invalid --security-opt 2: \"systempaths=confined\"");
        assertThat(opts("label=disable", "apparmor=unconfined").profile()).isPresent();
    }

    @Test
    void seccompUnconfinedBuiltinOrAProfileFile() throws IOException {
        assertThat(opts("seccomp=unconfined").profile()).isEmpty();
        assertThat(opts("seccomp=unconfined", "seccomp=builtin").profile()).isPresent();
        Path profile = Files.writeString(dir.resolve("p.json"), """
                {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["mkdir"], "action": "SCMP_ACT_ERRNO"}]}""");
        Seccomp seccomp = opts("seccomp=" + profile).seccomp("6.1").orElseThrow();
        assertThat(seccomp.defaultAction()).isEqualTo("SCMP_ACT_ALLOW");
        assertThat(seccomp.syscalls()).singleElement().satisfies(rule -> assertThat(rule.names()).containsExactly("mkdir"));
    }

    @Test
    void aProfileFileThatIsMissingBrokenOrWrongIsRefusedWithDockersWords() throws IOException {
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> opts("seccomp=" + missing)).hasMessage("opening seccomp profile (" + missing
                + ") failed: open " + missing + ": no such file or directory");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"defaultAction\": ");
        assertThatThrownBy(() -> opts("seccomp=" + broken))
                .hasMessageStartingWith("compacting json for seccomp profile (" + broken + ") failed: ");
        Path wrong = Files.writeString(dir.resolve("wrong.json"), "{\"defaultAction\": 1}");
        assertThatThrownBy(() -> opts("seccomp=" + wrong)).hasMessageStartingWith("Decoding seccomp profile failed: ");
    }

    @Test
    void privilegedMeansEveryCapabilityNoSeccompAndNoMaskedPathsWhateverElseIsAsked() {
        ContainerSecurity security = ContainerSecurity.resolve(new SecurityOptions(List.of(), List.of("ALL"), true,
                List.of("seccomp=builtin")));
        assertThat(security.capabilities()).isEqualTo(CapabilityFlags.available());
        assertThat(security.profile()).isEmpty();
        assertThat(security.systemPathsConfined()).isFalse();
        assertThat(opts("systempaths=unconfined").systemPathsConfined()).isFalse();
    }
}
