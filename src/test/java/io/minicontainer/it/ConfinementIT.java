package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** --read-only, --ulimit and --device, and the device cgroup every container gets. */
class ConfinementIT extends ContainerTest {

    @Test
    void aReadOnlyRootRefusesWritesWhileTmpfsVolumesDevAndEtcFilesStayWritable() throws IOException {
        Path volume = Files.createDirectories(root.resolve("vol"));
        Cli.Result result = sh("touch /newfile; touch /data/file.txt; echo ok > /run/f && echo run;"
                + " echo ok > /vol/f && echo vol; echo ok > /dev/shm/f && echo shm; touch /dev/x && echo dev;"
                + " echo '# mine' >> /etc/hosts && echo hosts; grep ' / ' /proc/mounts | cut -d' ' -f4 | cut -d, -f1",
                "--read-only", "--tmpfs", "/run", "-v", volume + ":/vol");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("run\nvol\nshm\ndev\nhosts\nro\n");
        assertThat(result.stderr()).contains("touch: /newfile: Read-only file system",
                "touch: /data/file.txt: Read-only file system");
        assertThat(volume.resolve("f")).hasContent("ok");
    }

    @Test
    void aReadOnlyRootStillGetsAMissingWorkingDirectory() {
        Cli.Result result = sh("pwd; touch here", "--read-only", "-w", "/made/for/you");
        assertThat(result.stdout()).isEqualTo("/made/for/you\n");
        assertThat(result.stderr()).contains("Read-only file system");
    }

    @Test
    void ulimitsAreSetAsDockerSpellsThem() {
        Cli.Result result = sh("ulimit -n; ulimit -Hn; ulimit -u; ulimit -Hu; ulimit -c",
                "--ulimit", "nofile=1024:2048", "--ulimit", "nproc=64", "--ulimit", "core=0", "--ulimit", "core=-1");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("1024\n2048\n64\n64\nunlimited\n");
    }

    @Test
    void badUlimitsAreOneLineErrorsAndLeaveNothing() {
        Cli.Result reversed = sh("true", "--ulimit", "nofile=2048:1024");
        assertThat(reversed.exitCode()).isEqualTo(125);
        assertThat(reversed.stderr()).isEqualTo("minicontainer: invalid argument \"nofile=2048:1024\" for \"--ulimit\" flag:"
                + " ulimit soft limit must be less than or equal to hard limit: 2048 > 1024\n");
        Cli.Result unknown = sh("true", "--ulimit", "as=1");
        assertThat(unknown.stderr()).endsWith("invalid ulimit type: as\n");
        assertThat(cli.run("ps", "-a", "-q").stdout()).isEmpty();
    }

    @Test
    void theDeviceCgroupLetsAMadeNodeExistButNotOpen() throws IOException {
        String disk;
        try (Stream<Path> blocks = Files.list(Path.of("/sys/dev/block"))) {
            disk = blocks.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
        String[] numbers = disk.split(":");
        Cli.Result result = sh("mknod /dev/disk b " + numbers[0] + " " + numbers[1] + " && echo made;"
                + " head -c1 /dev/disk > /dev/null || echo refused; mknod /dev/lc c 10 237 && echo made;"
                + " cat /dev/lc || echo refused; head -c1 /dev/zero | wc -c");
        assertThat(result.stdout()).isEqualTo("made\nrefused\nmade\nrefused\n1\n");
        assertThat(result.stderr()).contains("head: /dev/disk: Operation not permitted",
                "cat: can't open '/dev/lc': Operation not permitted");
    }

    @Test
    void deviceFlagsCreateTheNodeAndAllowIt() {
        Cli.Result result = sh("stat -c '%n %t:%T %a' /dev/mynull /dev/loop-control /dev/sub/z;"
                        + " echo x > /dev/mynull && echo written; exec 3< /dev/loop-control && echo opened",
                "--device", "/dev/null:/dev/mynull", "--device", "/dev/loop-control", "--device", "/dev/zero:/dev/sub/z:r");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo(
                "/dev/mynull 1:3 666\n/dev/loop-control a:ed 600\n/dev/sub/z 1:5 666\nwritten\nopened\n");
    }

    @Test
    void badDevicesAreOneLineErrors() {
        assertThat(sh("true", "--device", "/dev/nope").stderr()).isEqualTo("minicontainer: error gathering device"
                + " information while adding custom device \"/dev/nope\": no such file or directory\n");
        assertThat(sh("true", "--device", "/etc/hostname").stderr()).endsWith(": not a device node\n");
        assertThat(sh("true", "--device", "/dev/null:/dev/n:rwx").stderr()).isEqualTo(
                "minicontainer: invalid argument \"/dev/null:/dev/n:rwx\" for \"--device\" flag: bad mode specified: rwx\n");
        assertThat(sh("true", "--device", "/dev/null:relative").stderr()).endsWith(": relative is not an absolute path\n");
        assertThat(cli.run("ps", "-a", "-q").stdout()).isEmpty();
    }

    @Test
    void aStartedAgainContainerKeepsItsDeviceRulesLimitsAndReadOnlyRoot() {
        String script = "ulimit -n; echo x > /dev/mynull && echo written; touch /x 2>/dev/null || echo ro;"
                + " mknod /dev/lc c 10 237 2>/dev/null; cat /dev/lc 2>/dev/null || echo refused; rm -f /dev/lc";
        Cli.Result first = cli.run("run", "--name", "again", "--rootfs", rootfs.toString(), "--read-only", "--ulimit",
                "nofile=100", "--device", "/dev/null:/dev/mynull", "sh", "-c", script);
        assertThat(first.stdout()).as(first.stderr()).isEqualTo("100\nwritten\nro\nrefused\n");
        assertThat(cli.run("start", "-a", "again")).isEqualTo(new Cli.Result(0, "100\nwritten\nro\nrefused\n", ""));
        assertThat(cli.run("rm", "again").exitCode()).isZero();
    }

    @Test
    void execProcessesGetTheContainersLimitsAndDevices() {
        Cli.Result started = cli.run("run", "-d", "--rootfs", rootfs.toString(), "--ulimit", "nofile=512:1024",
                "--device", "/dev/null:/dev/mynull", "sleep", "60");
        assertThat(started.exitCode()).as(started.stderr()).isZero();
        String id = started.stdout().strip();
        try {
            Cli.Result exec = cli.run("exec", id, "sh", "-c",
                    "ulimit -n; ulimit -Hn; echo x > /dev/mynull && echo written; mknod /dev/lc c 10 237; cat /dev/lc");
            assertThat(exec.stdout()).isEqualTo("512\n1024\nwritten\n");
            assertThat(exec.stderr()).contains("Operation not permitted");
            assertThat(cli.run("inspect", "-f", "{{.HostConfig.Ulimits}} {{.HostConfig.ReadonlyRootfs}}", id).stdout())
                    .isEqualTo("[map[Hard:1024 Name:nofile Soft:512]] false\n");
        } finally {
            assertThat(cli.run("rm", "-f", id).exitCode()).isZero();
        }
    }
}
