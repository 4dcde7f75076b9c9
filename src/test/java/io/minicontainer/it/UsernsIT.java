package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --userns=auto}: root inside is an unprivileged host uid, files keep the owners they show. */
class UsernsIT extends ContainerTest {
    private static final long POOL_START = 1L << 30;

    @TempDir
    Path work;

    @Test
    void rootInsideIsTheFirstIdOfAHostRangeOfItsOwn() {
        Cli.Result result = sh("cat /proc/self/uid_map /proc/self/gid_map; id -u; grep ^CapEff /proc/self/status",
                "--userns=auto");
        assertThat(result.stdout()).as(result.stderr()).isEqualTo("         0 " + POOL_START + "      65536\n"
                + "         0 " + POOL_START + "      65536\n0\nCapEff:\t00000000a80425fb\n");
        assertThat(sh("cat /proc/self/uid_map").stdout()).contains("0          0 4294967295");
    }

    @Test
    void twoContainersGetTwoRangesAndTheProcessesRunAsTheirBaseOnTheHost() throws Exception {
        String first = started("--userns=auto");
        String second = started("--userns=auto");
        try {
            assertThat(hostUid(first)).isEqualTo(POOL_START);
            assertThat(hostUid(second)).isEqualTo(POOL_START + 65536);
            cli.run("exec", first, "touch", "/made-inside");
            Path upper = root.resolve("containers").resolve(first).resolve("upper");
            assertThat(Files.getAttribute(upper.resolve("made-inside"), "unix:uid")).isEqualTo((int) POOL_START);
            assertThat(cli.run("exec", first, "sh", "-c", "id -u; stat -c %u /made-inside").stdout()).isEqualTo("0\n0\n");
        } finally {
            assertThat(cli.run("rm", "-f", first, second).exitCode()).isZero();
        }
        try (Stream<Path> ranges = Files.list(root.resolve("userns"))) {
            assertThat(ranges.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))).isEmpty();
        }
    }

    @Test
    void imageFilesAndBindsShowTheirHostOwners() throws IOException {
        Path host = Files.writeString(work.resolve("host-file"), "y");
        Files.setAttribute(host, "unix:uid", 4321);
        Cli.Result result = sh("stat -c '%u %n' /bin/busybox /mnt/host-file /etc/hosts; touch /mnt/new",
                "--userns=auto", "-v", work + ":/mnt");
        assertThat(result.stdout()).as(result.stderr()).isEqualTo("0 /bin/busybox\n4321 /mnt/host-file\n0 /etc/hosts\n");
        assertThat(Files.getAttribute(work.resolve("new"), "unix:uid")).isEqualTo(0); // idmapped: the host's own ids
    }

    @Test
    void aBadModeAndDevicesAreRefusedWithOneLine() {
        assertThat(sh("true", "--userns=private")).isEqualTo(new Cli.Result(125, "",
                "minicontainer: invalid --userns mode \"private\": host or auto\n"));
        Cli.Result device = sh("true", "--userns=auto", "--device", "/dev/null:/dev/xnull");
        assertThat(device.exitCode()).isEqualTo(125);
        assertThat(device.stderr()).isEqualTo(
                "minicontainer: --device is not supported with --userns=auto (no device nodes can be made in it)\n");
    }

    private String started(String... flags) {
        String[] args = runArgs(flags, "sleep", "60");
        args[1] = "-d"; // run -d instead of run --rm
        Cli.Result result = cli.run(args);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout().strip();
    }

    private long hostUid(String id) throws IOException {
        long pid = Files.readAllLines(root.resolve("containers").resolve(id).resolve("status")).stream()
                .filter(line -> line.startsWith("pid=")).map(line -> Long.parseLong(line.substring(4))).findFirst().orElseThrow();
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(line -> line.startsWith("Uid:"))
                .map(line -> Long.parseLong(line.split("\\s+")[2])).findFirst().orElseThrow();
    }
}
