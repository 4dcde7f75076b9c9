package io.minicontainer.seccomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.oci.Seccomp;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerProfileTest {

    private static List<String> namesOf(Seccomp seccomp) {
        return seccomp.syscalls().stream().flatMap(rule -> rule.names().stream()).toList();
    }

    @Test
    void includesAndExcludesFollowTheBoundingSetTheArchitectureAndTheKernel() {
        DockerProfile profile = DockerProfile.parse("""
                {"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
                  {"names": ["read"], "action": "SCMP_ACT_ALLOW"},
                  {"names": ["mount"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_ADMIN"]}},
                  {"names": ["both"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_ADMIN", "CAP_BPF"]}},
                  {"names": ["clone"], "action": "SCMP_ACT_ALLOW", "excludes": {"caps": ["CAP_SYS_ADMIN"]}},
                  {"names": ["s390"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["s390x"]}},
                  {"names": ["x86"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["amd64", "x86"]}},
                  {"names": ["notx86"], "action": "SCMP_ACT_ALLOW", "excludes": {"arches": ["amd64"]}},
                  {"names": ["new"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "6.19"}},
                  {"names": ["old"], "action": "SCMP_ACT_ALLOW", "excludes": {"minKernel": "5.4"}}
                ]}""");
        assertThat(namesOf(profile.resolve(List.of("CAP_CHOWN"), "6.18.4-custom")))
                .containsExactly("read", "clone", "x86");
        assertThat(namesOf(profile.resolve(List.of("CAP_SYS_ADMIN"), "6.19.0")))
                .containsExactly("read", "mount", "x86", "new");
        assertThat(namesOf(profile.resolve(List.of("CAP_SYS_ADMIN", "CAP_BPF"), "5.3.1")))
                .containsExactly("read", "mount", "both", "x86", "old");
    }

    @Test
    void theOldSingleNameArchMapAndErrnoRetAreRead() {
        DockerProfile profile = DockerProfile.parse("""
                {"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 38,
                 "archMap": [{"architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARM"]},
                             {"architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86", "SCMP_ARCH_X32"]}],
                 "syscalls": [{"name": "mkdir", "action": "SCMP_ACT_ERRNO", "errnoRet": 13,
                               "args": [{"index": 1, "value": 448, "op": "SCMP_CMP_MASKED_EQ", "valueTwo": 0}]}]}""");
        Seccomp seccomp = profile.resolve(List.of(), "6.1");
        assertThat(seccomp.architectures()).containsExactly("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32");
        assertThat(seccomp.defaultErrnoRet()).hasValue(38);
        Seccomp.Rule rule = seccomp.syscalls().getFirst();
        assertThat(rule.names()).containsExactly("mkdir");
        assertThat(rule.errnoRet()).hasValue(13);
        assertThat(rule.args()).containsExactly(new Seccomp.Arg(1, 448, 0, "SCMP_CMP_MASKED_EQ"));
    }

    @Test
    void brokenProfilesAreRefusedAsDockerWordsIt() {
        assertThatThrownBy(() -> DockerProfile.parse("{not json")).hasMessageStartingWith("Decoding seccomp profile failed: ");
        assertThatThrownBy(() -> DockerProfile.parse("{\"syscalls\": []}"))
                .hasMessage("Decoding seccomp profile failed: missing defaultAction");
        assertThatThrownBy(() -> DockerProfile.parse("""
                {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"name": "a", "names": ["b"], "action": "SCMP_ACT_ALLOW"}]}"""))
                .hasMessageContaining("both 'name' and 'names' are specified");
        assertThatThrownBy(() -> DockerProfile.parse("""
                {"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_X86_64"],
                 "archMap": [{"architecture": "SCMP_ARCH_X86_64"}]}"""))
                .hasMessageContaining("both 'architectures' and 'archMap'");
        assertThatThrownBy(() -> DockerProfile.parse("""
                {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW",
                  "args": [{"index": 6, "value": 1, "op": "SCMP_CMP_EQ"}]}]}"""))
                .hasMessageContaining("syscalls[0].args[0].index: a system call has arguments 0 to 5, not 6");
    }

    @Test
    void theDefaultProfileNamesOnlyCallsTheTableKnows() {
        SyscallTable table = SyscallTable.x86_64();
        DockerProfile profile = DockerProfile.defaultProfile();
        assertThat(profile.defaultAction()).isEqualTo("SCMP_ACT_ERRNO");
        assertThat(profile.syscalls().stream().flatMap(e -> e.rule().names().stream()))
                .allSatisfy(name -> assertThat(table.number(name)).as(name).isPresent());
    }

    @Test
    void kernelVersionsCompareByNumberNotByText() {
        assertThat(KernelVersion.atLeast("6.18.44-fc-v669", "4.8")).isTrue();
        assertThat(KernelVersion.atLeast("4.10.0", "4.8")).isTrue();
        assertThat(KernelVersion.atLeast("4.8", "4.8")).isTrue();
        assertThat(KernelVersion.atLeast("4.7.10", "4.8")).isFalse();
        assertThat(KernelVersion.atLeast("5.15.0-91-generic", "5.15.1")).isFalse();
        assertThatThrownBy(() -> KernelVersion.atLeast("6.1", "four")).hasMessageContaining("minKernel four");
    }
}
