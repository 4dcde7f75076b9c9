package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What a container sees, checked from inside it. */
class IsolationIT extends ContainerTest {

    @Test
    void theWorkloadIsPidOneAndSeesOnlyItsOwnProcesses() {
        Cli.Result result = sh("echo $$; ls /proc | grep -E '^[0-9]+$' | wc -l");
        assertThat(result.exitCode()).isZero();
        // pid 1 (sh), ls and grep/wc may still be listed: never the host's hundreds
        assertThat(result.stdout().lines().toList()).first().isEqualTo("1");
        assertThat(Integer.parseInt(result.stdout().lines().toList().get(1).strip())).isBetween(1, 5);
    }

    @Test
    void hostnameDefaultsToTheShortIdAndFollowsTheFlag() {
        Cli.Result byDefault = sh("hostname; cat /etc/hostname");
        List<String> lines = byDefault.stdout().lines().toList();
        assertThat(lines.getFirst()).matches("[0-9a-f]{12}").isEqualTo(lines.get(1));

        Cli.Result named = sh("hostname; cat /etc/hostname; echo $HOSTNAME", "--hostname", "box1");
        assertThat(named.stdout()).isEqualTo("box1\nbox1\nbox1\n");
    }

    @Test
    void devHoldsOnlyTheDefaultDevicesAndLinks() {
        Cli.Result result = sh("ls /dev; stat -c '%n %F %t:%T %a' /dev/null /dev/zero /dev/full /dev/random"
                + " /dev/urandom /dev/tty; for l in ptmx fd stdin; do readlink /dev/$l; done");
        assertThat(result.stdout()).startsWith(String.join("\n", "fd", "full", "mqueue", "null", "ptmx", "pts",
                "random", "shm", "stderr", "stdin", "stdout", "tty", "urandom", "zero") + "\n");
        assertThat(result.stdout()).contains("/dev/null character special file 1:3 666",
                "/dev/zero character special file 1:5 666", "/dev/tty character special file 5:0 666",
                "pts/ptmx\n/proc/self/fd\n/proc/self/fd/0");
    }

    @Test
    void devptsShmAndMqueueAreTheContainersOwn() {
        Cli.Result result = sh("grep -E ' /dev/(pts|shm|mqueue) ' /proc/mounts | cut -d' ' -f1-3");
        assertThat(result.stdout()).contains("devpts /dev/pts devpts", "shm /dev/shm tmpfs", "mqueue /dev/mqueue mqueue");
    }

    @Test
    void maskedPathsShowNothing() {
        Cli.Result result = sh("wc -c < /proc/keys; wc -c < /proc/timer_list; ls -A /sys/firmware | wc -l;"
                + " cat /proc/kcore 2>/dev/null | wc -c");
        assertThat(result.stdout().lines().map(String::strip).toList()).containsExactly("0", "0", "0", "0");
    }

    @Test
    void readOnlyPathsRefuseWrites() {
        Cli.Result result = sh("echo 1 > /proc/sys/kernel/domainname && echo written;"
                + " grep -E ' /proc/(sys|irq|bus|fs) ' /proc/mounts | cut -d' ' -f2,4 | cut -d, -f1; touch /sys/x");
        assertThat(result.stdout()).doesNotContain("written")
                .contains("/proc/sys ro", "/proc/irq ro", "/proc/bus ro", "/proc/fs ro");
        assertThat(result.stderr()).contains("Read-only file system");
    }

    @Test
    void capabilitiesAreDockersDefaultSet() {
        Cli.Result result = sh("grep ^Cap /proc/self/status");
        assertThat(result.stdout()).contains("CapInh:\t0000000000000000", "CapPrm:\t00000000a80425fb",
                "CapEff:\t00000000a80425fb", "CapBnd:\t00000000a80425fb", "CapAmb:\t0000000000000000");
    }

    @Test
    void withoutCapSysAdminTheContainerCannotMount() {
        Cli.Result result = sh("mount -t tmpfs tmpfs /mnt && echo mounted; hostname other && echo renamed");
        assertThat(result.stdout()).doesNotContain("mounted", "renamed");
    }

    @Test
    void networkNoneHasOnlyLoopbackAndItIsUp() {
        Cli.Result result = sh("ls /sys/class/net; cat /sys/class/net/lo/flags", "--network", "none");
        assertThat(result.stdout()).isEqualTo("lo\n0x9\n"); // IFF_UP | IFF_LOOPBACK
    }

    @Test
    void networkHostSharesTheHostsInterfaces() throws IOException {
        List<String> hostInterfaces;
        try (Stream<Path> links = Files.list(Path.of("/sys/class/net"))) {
            hostInterfaces = links.map(p -> p.getFileName().toString()).sorted().toList();
        }
        Cli.Result result = sh("ls /sys/class/net", "--network", "host");
        assertThat(result.stdout().lines().sorted().toList()).isEqualTo(hostInterfaces);
    }

    @Test
    void etcFilesAreProvidedByTheEngine() {
        Cli.Result result = sh("cat /etc/hosts; grep -c nameserver /etc/resolv.conf; grep -c 127.0.0 /etc/resolv.conf");
        assertThat(result.stdout()).startsWith("127.0.0.1\tlocalhost\n");
        List<String> lines = result.stdout().lines().toList();
        assertThat(Integer.parseInt(lines.get(lines.size() - 2))).isPositive();
        assertThat(lines.getLast()).isEqualTo("0");
    }

    @Test
    void theRootfsIsNeverChangedByTheContainer() throws IOException {
        Map<String, String> before = snapshot(rootfs);
        Cli.Result result = sh("echo new > /new-file; echo more >> /data/file.txt; rm /bin/ls; rm -rf /data/dir;"
                + " touch /bin/busybox; mkdir -p /var/lib/x; chmod 700 /bin; ls /bin/ls 2>&1");
        assertThat(result.stdout()).contains("No such file");
        assertThat(snapshot(rootfs)).isEqualTo(before);
        for (String mountPoint : List.of("proc", "dev", "sys", "etc", "var")) {
            assertThat(rootfs.resolve(mountPoint)).doesNotExist();
        }
    }

    @Test
    void writesStayInTheContainersOwnLayerUntilItIsRemoved() throws IOException {
        Cli.Result result = cli.run("run", "--name", "keeper", "--rootfs", rootfs.toString(),
                "sh", "-c", "echo kept > /data.txt");
        assertThat(result.exitCode()).isZero();
        try (Stream<Path> containers = Files.list(root.resolve("containers"))) {
            Path dir = containers.filter(d -> !d.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
            assertThat(dir.resolve("upper/data.txt")).hasContent("kept");
            assertThat(dir.resolve("config.json")).content().contains("\"ociVersion\"");
        }
    }

    @Test
    void symlinksInTheImageResolveInsideItNeverOnTheHost() throws IOException {
        Path hostTarget = Path.of("/tmp", "minicontainer-escape-" + root.getFileName());
        Path evil = BusyboxRootfs.create(Files.createDirectory(root.resolve("evil")));
        Files.createSymbolicLink(evil.resolve("etc"), hostTarget);                       // absolute
        Files.createSymbolicLink(evil.resolve("proc"), Path.of("../../../../../../../../tmp/" // climbing
                + hostTarget.getFileName() + "-proc"));
        try {
            Cli.Result run = cli.run("run", "--rm", "--rootfs", evil.toString(), "sh", "-c",
                    "cat /etc/hostname; readlink /etc; ls /proc | grep -c '^[0-9]'");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stdout().lines().toList().get(1)).isEqualTo(hostTarget.toString());
            assertThat(hostTarget).doesNotExist();
            assertThat(Path.of(hostTarget + "-proc")).doesNotExist();
        } finally {
            Files.deleteIfExists(hostTarget.resolve("hostname"));
            Files.deleteIfExists(hostTarget.resolve("hosts"));
            Files.deleteIfExists(hostTarget.resolve("resolv.conf"));
            Files.deleteIfExists(hostTarget);
            Files.deleteIfExists(Path.of(hostTarget + "-proc"));
        }
    }

    @Test
    void aDanglingResolvConfSymlinkLikeUbuntusGetsItsTargetCreatedInsideTheImage() throws IOException {
        Path ubuntuLike = BusyboxRootfs.create(Files.createDirectory(root.resolve("ubuntu-like")));
        Files.createDirectories(ubuntuLike.resolve("etc"));
        Files.createSymbolicLink(ubuntuLike.resolve("etc/resolv.conf"), Path.of("../run/systemd/resolve/stub-resolv.conf"));
        Cli.Result run = cli.run("run", "--rm", "--rootfs", ubuntuLike.toString(), "grep", "-c", "nameserver",
                "/etc/resolv.conf");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(Integer.parseInt(run.stdout().strip())).isPositive();
        assertThat(ubuntuLike.resolve("run")).doesNotExist(); // created in the container's layer only
    }

    /** Every path with its type, mode, size and modification time. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.toList()) {
                var attrs = Files.readAttributes(path, "unix:mode,size,lastModifiedTime",
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
                entries.put(dir.relativize(path).toString(), attrs.toString());
            }
        }
        return entries;
    }

    @Test
    void dnsFlagsShapeResolvConfAndHosts() {
        Cli.Result result = sh("cat /etc/resolv.conf; tail -1 /etc/hosts", "--dns", "9.9.9.9", "--dns-search",
                "example.org", "--dns-option", "ndots:3", "--add-host", "db:10.1.2.3");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("nameserver 9.9.9.9\n", "search example.org\n", "options ndots:3\n")
                .endsWith("10.1.2.3\tdb\n");
        Cli.Result bad = sh("true", "--add-host", "db:10.1.2");
        assertThat(bad.exitCode()).isEqualTo(125);
        assertThat(bad.stderr()).startsWith("minicontainer: invalid argument \"db:10.1.2\" for \"--add-host\"");
    }
}
