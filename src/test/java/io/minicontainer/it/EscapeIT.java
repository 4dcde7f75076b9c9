package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The usual ways out of a container, each tried from inside a default one, where it must fail; and
 * with the capability (or --privileged) that should open it, where docker lets it succeed. Nothing
 * here changes the host: the time is only ever set where that is refused.
 */
class EscapeIT extends ContainerTest {
    private static final String DENIED = "Operation not permitted";

    @Test
    void mountNeedsCapSysAdminWhichSeccompAlsoChecks() {
        String script = "mkdir -p /mnt; mount -t tmpfs none /mnt && echo mounted";
        Cli.Result refused = sh(script);
        assertThat(refused.stdout()).doesNotContain("mounted");
        assertThat(refused.stderr()).contains("permission denied");
        assertThat(sh(script, "--cap-add", "SYS_ADMIN").stdout()).contains("mounted");
        assertThat(sh(script, "--privileged").stdout()).contains("mounted");
    }

    @Test
    void aUserNamespaceIsRefusedBySeccompEvenThoughNoCapabilityIsNeeded() {
        String script = "unshare -U true && echo unshared";
        Cli.Result refused = sh(script);
        assertThat(refused.stdout()).doesNotContain("unshared");
        assertThat(refused.stderr()).contains(DENIED);
        assertThat(sh(script, "--security-opt", "seccomp=unconfined").stdout()).contains("unshared");
        assertThat(sh(script, "--cap-add", "SYS_ADMIN").stdout()).contains("unshared");
    }

    @Test
    void loadingAModuleIsRefusedBeforeTheKernelLooksAtIt() {
        String script = "mkdir -p /tmp; echo junk > /tmp/bad.ko; insmod /tmp/bad.ko";
        assertThat(sh(script).stderr()).contains("can't insert", DENIED);
        // with the capability the call reaches the kernel, which refuses the file (or has no modules at all)
        Cli.Result allowed = sh(script, "--cap-add", "SYS_MODULE");
        assertThat(allowed.stderr()).contains("can't insert").doesNotContain(DENIED);
    }

    @Test
    void sysrqTriggerAndCorePatternAreReadOnlyUnlessPrivileged() {
        Cli.Result refused = sh("echo h > /proc/sysrq-trigger && echo sysrq;"
                + " echo x > /proc/sys/kernel/core_pattern && echo core");
        assertThat(refused.stdout()).doesNotContain("sysrq", "core");
        assertThat(refused.stderr()).contains("Read-only file system");
        // privileged: only checked, never written (either would reach the host's kernel)
        Cli.Result privileged = sh("[ -w /proc/sys/kernel/core_pattern ] && echo writable;"
                + " grep -cE ' /proc/(sys|sysrq-trigger) ' /proc/mounts", "--privileged");
        assertThat(privileged.stdout()).isEqualTo("writable\n0\n");
    }

    @Test
    void kernelMemoryAndKeysShowNothing() {
        Cli.Result result = sh("cat /proc/kcore 2>/dev/null | wc -c; wc -c < /proc/keys");
        assertThat(result.stdout().lines().map(String::strip).toList()).containsExactly("0", "0");
    }

    @Test
    void aBlockDeviceMadeWithMknodCannotBeOpenedButDoesForAPrivilegedContainer() {
        Optional<String[]> device = openableBlockDevice();
        assumeTrue(device.isPresent(), "no block device this host lets root open");
        String script = "mkdir -p /tmp; mknod /tmp/disk b " + device.get()[1] + " " + device.get()[2]
                + " && echo made; head -c 1 /tmp/disk > /dev/null && echo opened";
        Cli.Result refused = sh(script);
        assertThat(refused.stdout()).isEqualTo("made\n");
        assertThat(refused.stderr()).contains(DENIED);
        // the device cgroup, not a capability, is what refuses it
        assertThat(sh(script, "--cap-add", "ALL").stdout()).isEqualTo("made\n");
        assertThat(sh(script, "--privileged").stdout()).isEqualTo("made\nopened\n");
        assertThat(sh("head -c 1 /dev/" + device.get()[0] + " > /dev/null && echo opened", "--privileged").stdout())
                .isEqualTo("opened\n");
    }

    /** name, major, minor of a block device the test (root on the host) can open. */
    private static Optional<String[]> openableBlockDevice() {
        try (Stream<Path> devices = Files.list(Path.of("/sys/class/block"))) {
            for (Path dir : devices.sorted().toList()) {
                String name = dir.getFileName().toString();
                String[] numbers = Files.readString(dir.resolve("dev")).strip().split(":");
                if (opens(Path.of("/dev", name))) {
                    return Optional.of(new String[] {name, numbers[0], numbers[1]});
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean opens(Path device) {
        try (FileInputStream in = new FileInputStream(device.toFile())) {
            return in.getFD().valid();
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theClockCannotBeSet() {
        Cli.Result result = sh("date -s 2000-01-01 > /dev/null; adjtimex -o 1 > /dev/null");
        assertThat(result.stderr()).contains("can't set date: " + DENIED);
        assertThat(result.stderr()).contains("adjtimex").contains(DENIED);
    }

    @Test
    void theHostnameIsTheContainersOwnAndNeedsCapSysAdmin() throws IOException {
        String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        assertThat(sh("hostname renamed && hostname").stderr()).contains(DENIED);
        assertThat(sh("hostname renamed && hostname", "--cap-add", "SYS_ADMIN").stdout()).isEqualTo("renamed\n");
        assertThat(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip()).isEqualTo(host);
    }

    @Test
    void hostProcessesCannotBeSeenSignalledOrTraced() {
        long host = ProcessHandle.current().pid();
        String script = "ls /proc/" + host + " > /dev/null 2>&1 && echo visible; kill -0 " + host + " 2>/dev/null && echo alive;"
                + " ls /proc | grep -c '^[0-9]'";
        for (String[] flags : List.of(new String[0], new String[] {"--cap-add", "SYS_PTRACE"}, new String[] {"--privileged"})) {
            Cli.Result result = sh(script, flags);
            assertThat(result.stdout()).doesNotContain("visible", "alive");
            assertThat(Integer.parseInt(result.stdout().strip())).isLessThan(6);
        }
    }

    @Test
    void procRootLeadsOnlyToTheContainersOwnFiles() throws IOException {
        Path marker = Files.createTempFile("escape-marker", ".txt");
        try {
            Files.writeString(marker, "host secret\n");
            Cli.Result result = sh("cat /proc/*/root" + marker + " 2>/dev/null; readlink /proc/1/root; ls /proc/1/root/bin/sh");
            assertThat(result.stdout()).doesNotContain("host secret").isEqualTo("/\n/proc/1/root/bin/sh\n");
        } finally {
            Files.delete(marker);
        }
    }
}
