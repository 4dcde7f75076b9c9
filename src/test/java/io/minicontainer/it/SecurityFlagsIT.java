package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The capability sets, no_new_privs and seccomp mode each flag gives, read from /proc/self/status inside. */
class SecurityFlagsIT extends ContainerTest {
    private static final String DOCKER_DEFAULT = "00000000a80425fb";
    private static final String NONE = "0000000000000000";

    /** Cap*, NoNewPrivs and Seccomp lines of the container's own status, by name. */
    private Map<String, String> status(String... flags) {
        Cli.Result result = sh("grep -E '^(Cap|NoNewPrivs|Seccomp:)' /proc/self/status", flags);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return parse(result.stdout());
    }

    private static Map<String, String> parse(String lines) {
        Map<String, String> values = new LinkedHashMap<>();
        lines.lines().forEach(line -> values.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1)
                .strip()));
        return values;
    }

    private static Map<String, String> caps(String effective, String permitted, String bounding) {
        return Map.of("CapEff", effective, "CapPrm", permitted, "CapBnd", bounding, "CapInh", NONE, "CapAmb", NONE);
    }

    /** What this test process has: --privileged gives exactly that (the host may lack one or two). */
    private static String hostEffective() throws IOException {
        return parse(String.join("\n", Files.readAllLines(Path.of("/proc/self/status")))).get("CapEff");
    }

    @Test
    void rootGetsTheSetInEverySetButInheritableAndAmbient() {
        assertThat(status()).containsAllEntriesOf(caps(DOCKER_DEFAULT, DOCKER_DEFAULT, DOCKER_DEFAULT));
        String withSysAdmin = "00000000a82425fb";
        assertThat(status("--cap-add", "sys_admin")).containsAllEntriesOf(caps(withSysAdmin, withSysAdmin, withSysAdmin));
        String netRawOnly = "0000000000002000";
        assertThat(status("--cap-drop", "ALL", "--cap-add", "CAP_NET_RAW"))
                .containsAllEntriesOf(caps(netRawOnly, netRawOnly, netRawOnly));
        String withoutChownAndKill = "00000000a80425da";
        assertThat(status("--cap-drop", "chown", "--cap-drop", "KILL"))
                .containsAllEntriesOf(caps(withoutChownAndKill, withoutChownAndKill, withoutChownAndKill));
    }

    @Test
    void aNonRootUserKeepsTheSetAsItsBoundingSetOnly() {
        assertThat(status("--user", "1000")).containsAllEntriesOf(caps(NONE, NONE, DOCKER_DEFAULT));
        assertThat(status("--user", "1000:1000", "--cap-add", "NET_ADMIN"))
                .containsAllEntriesOf(caps(NONE, NONE, "00000000a80435fb"));
    }

    @Test
    void privilegedGetsEverythingThisHostHasAndNoSeccomp() throws IOException {
        String all = hostEffective();
        Map<String, String> root = status("--privileged");
        assertThat(root).containsAllEntriesOf(caps(all, all, all)).containsEntry("Seccomp", "0");
        assertThat(status("--privileged", "--user", "1000")).containsAllEntriesOf(caps(NONE, NONE, all));
        String allButMknod = String.format("%016x", Long.parseUnsignedLong(all, 16) & ~(1L << 27));
        assertThat(status("--cap-add", "ALL", "--cap-drop", "MKNOD")).containsAllEntriesOf(caps(allButMknod, allButMknod,
                allButMknod));
    }

    @Test
    void unknownCapabilitiesAndSecurityOptionsAreRefusedWithDockersMessages() {
        Cli.Result unknown = sh("true", "--cap-add", "FLY");
        assertThat(unknown.exitCode()).isEqualTo(125);
        assertThat(unknown.stderr()).isEqualTo("minicontainer: invalid CapAdd: unknown capability: \"CAP_FLY\"\n");
        Cli.Result option = sh("true", "--security-opt", "seccomp");
        assertThat(option.stderr()).isEqualTo("minicontainer: invalid --security-opt: \"seccomp\"\n");
        assertThat(cli.run("ps", "-a").stdout().lines().count()).as("nothing left behind").isEqualTo(1);
    }

    @Test
    void seccompIsFilterModeByDefaultAndOffWhenUnconfined() {
        assertThat(status()).containsEntry("Seccomp", "2").containsEntry("NoNewPrivs", "0");
        assertThat(status("--security-opt", "seccomp=unconfined")).containsEntry("Seccomp", "0");
    }

    @Test
    void noNewPrivilegesSetsTheFlagAndTheFilterStillGoesIn() {
        assertThat(status("--security-opt", "no-new-privileges")).containsEntry("NoNewPrivs", "1").containsEntry("Seccomp", "2");
        assertThat(status("--security-opt", "no-new-privileges=true", "--user", "1000")).containsEntry("NoNewPrivs", "1");
        assertThat(status("--security-opt", "no-new-privileges:false")).containsEntry("NoNewPrivs", "0");
    }

    @Test
    void aProfileFileDecidesWhatIsRefused() throws IOException {
        Path profile = Files.writeString(root.resolve("no-mkdir.json"), """
                {"defaultAction": "SCMP_ACT_ALLOW",
                 "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO"},
                              {"names": ["rmdir"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13}]}""");
        Cli.Result result = sh("mkdir /made && echo made; rmdir /bin; mount -t tmpfs none /data && echo mounted",
                "--security-opt", "seccomp=" + profile, "--cap-add", "SYS_ADMIN");
        assertThat(result.stdout()).isEqualTo("mounted\n");
        assertThat(result.stderr()).contains("mkdir: can't create directory '/made': Operation not permitted",
                "Permission denied");
    }

    @Test
    void withoutNoNewPrivsTheSetupRunsUnderTheFilterWithItAfter() throws IOException {
        Path profile = Files.writeString(root.resolve("no-setresuid.json"), """
                {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["setresuid"], "action": "SCMP_ACT_ERRNO"}]}""");
        Cli.Result refused = sh("echo ran", "--security-opt", "seccomp=" + profile);
        assertThat(refused.exitCode()).isEqualTo(125);
        assertThat(refused.stderr()).contains("switch to user 0:0: Operation not permitted");
        Cli.Result ran = sh("echo ran", "--security-opt", "seccomp=" + profile, "--security-opt", "no-new-privileges");
        assertThat(ran.stdout()).isEqualTo("ran\n");
    }

    @Test
    void execGetsTheContainersSetsAndFilterAndAllCapabilitiesWhenPrivileged() throws Exception {
        Cli.Result started = cli.run("run", "-d", "--cap-add", "NET_ADMIN", "--security-opt", "no-new-privileges",
                "--rootfs", rootfs.toString(), "sleep", "60");
        String id = started.stdout().strip();
        try {
            String statusScript = "grep -E '^(Cap|NoNewPrivs|Seccomp:)' /proc/self/status";
            Map<String, String> plain = parse(cli.run("exec", id, "sh", "-c", statusScript).stdout());
            String set = "00000000a80435fb";
            assertThat(plain).containsAllEntriesOf(caps(set, set, set)).containsEntry("Seccomp", "2")
                    .containsEntry("NoNewPrivs", "1");
            // the container's sets are given to user 1000 too, but execve keeps none for a non-root user
            assertThat(parse(cli.run("exec", "-u", "1000", id, "sh", "-c", statusScript).stdout()))
                    .containsAllEntriesOf(caps(NONE, NONE, set));
            String all = hostEffective();
            assertThat(parse(cli.run("exec", "--privileged", id, "sh", "-c", statusScript).stdout()))
                    .containsAllEntriesOf(caps(all, all, all)).containsEntry("Seccomp", "2");
        } finally {
            cli.run("rm", "-f", id);
        }
    }

    @Test
    void inspectShowsTheFlagsAsDockerDoes() {
        Cli.Result started = cli.run("run", "-d", "--cap-add", "NET_ADMIN", "--cap-drop", "MKNOD", "--security-opt",
                "no-new-privileges", "--rootfs", rootfs.toString(), "sleep", "60");
        String id = started.stdout().strip();
        try {
            Cli.Result inspected = cli.run("inspect", "--format",
                    "{{.HostConfig.CapAdd}} {{.HostConfig.CapDrop}} {{.HostConfig.Privileged}} {{.HostConfig.SecurityOpt}}", id);
            assertThat(inspected.stdout()).isEqualTo("[NET_ADMIN] [MKNOD] false [no-new-privileges]\n");
        } finally {
            cli.run("rm", "-f", id);
        }
    }
}
