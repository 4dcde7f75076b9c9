package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** -v, --mount and --tmpfs in real containers: what the container sees, and what the host keeps. */
class VolumeIT extends ContainerTest {

    private Path hostDir(String name) throws IOException {
        Path dir = Files.createDirectories(root.resolve("host").resolve(name));
        Files.writeString(dir.resolve("file.txt"), "from the host\n");
        return dir;
    }

    private List<String> volumeNames() {
        return cli.run("volume", "ls", "-q").stdout().lines().toList();
    }

    @Test
    void aBindMountIsVisibleAndWritable() throws IOException {
        Path dir = hostDir("rw");
        Cli.Result result = sh("cat /src/file.txt; echo written > /src/new.txt", "-v", dir + ":/src");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("from the host\n");
        assertThat(dir.resolve("new.txt")).hasContent("written");
    }

    @Test
    void aMissingDashVSourceIsCreatedAsDockerDoes() {
        Path missing = root.resolve("host/created/by/run");
        Cli.Result result = sh("touch /x/made", "-v", missing + ":/x");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(missing.resolve("made")).exists();
    }

    @Test
    void aFileCanBeBoundAndAUserMountOnEtcHostsWinsOverTheEngines() throws IOException {
        Path hosts = Files.writeString(root.resolve("my-hosts"), "10.0.0.1 mine\n");
        Cli.Result result = sh("cat /etc/hosts; grep -c ' /etc/hosts ' /proc/mounts", "-v", hosts + ":/etc/hosts:ro");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("10.0.0.1 mine\n1\n");
    }

    @Test
    void readOnlyIsReadOnlyAllTheWayDownIncludingSubmounts() throws IOException {
        Path dir = hostDir("ro");
        Path sub = Files.createDirectory(dir.resolve("sub"));
        // the submount exists only in a mount namespace of the test's own, so the host never sees it
        Process process = new ProcessBuilder("unshare", "-m", "--propagation", "private", "sh", "-c",
                "mount -t tmpfs submount \"$0\" && exec \"$@\"", sub.toString(),
                System.getProperty("minicontainer.launcher", "minicontainer"), "--root", root.toString(), "--runroot",
                root.resolve("run").toString(), "run", "--rm", "--network", "none", "--rootfs", rootfs.toString(),
                "-v", dir + ":/ro:ro", "sh", "-c",
                "grep -E ' /ro(/sub)? ' /proc/mounts | cut -d' ' -f2,4 | cut -d, -f1; touch /ro/x || echo top refused;"
                        + " touch /ro/sub/x || echo sub refused").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(output).contains("/ro ro\n/ro/sub ro\n", "top refused", "sub refused");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void aNamedVolumeKeepsItsDataAcrossContainers() {
        assertThat(sh("echo kept > /data/f", "-v", "keep:/data").exitCode()).isZero();
        Cli.Result second = sh("cat /data/f", "-v", "keep:/data:ro");
        assertThat(second.stdout()).isEqualTo("kept\n");
        assertThat(volumeNames()).containsExactly("keep");
        assertThat(root.resolve("volumes/keep/_data/f")).hasContent("kept");
    }

    @Test
    void anAnonymousVolumeIsLabelledAndGoesWithRm() {
        Cli.Result kept = cli.run(runArgsKept("-v", "/anon", "sh", "-c", "echo x > /anon/f"));
        assertThat(kept.exitCode()).as(kept.stderr()).isZero();
        String name = volumeNames().getFirst();
        assertThat(name).matches("[0-9a-f]{64}");
        assertThat(cli.run("volume", "inspect", name).stdout()).contains("\"com.docker.volume.anonymous\": \"\"");

        assertThat(sh("echo y > /anon/f", "-v", "/anon").exitCode()).isZero();
        assertThat(volumeNames()).containsExactly(name); // the --rm container's volume went with it
    }

    @Test
    void tmpfsGetsDockersDefaultsNoexecIncluded() {
        Cli.Result result = sh("grep ' /scratch ' /proc/mounts; cp /bin/busybox /scratch/bb && /scratch/bb true"
                + " || echo no exec", "--tmpfs", "/scratch:size=1m");
        assertThat(result.stdout()).startsWith("tmpfs /scratch tmpfs rw,nosuid,nodev,noexec,relatime,size=1024k")
                .endsWith("no exec\n");
    }

    @Test
    void mountFlagVariants() throws IOException {
        Path dir = hostDir("m");
        Cli.Result result = sh("cat /b/file.txt; touch /b/x || echo ro; echo v > /v/f; stat -c %a /t;"
                        + " grep ' /t ' /proc/mounts | cut -d' ' -f4",
                "--mount", "type=bind,source=" + dir + ",target=/b,readonly",
                "--mount", "type=volume,src=viamount,dst=/v,volume-label=k=v",
                "--mount", "type=tmpfs,destination=/t,tmpfs-size=64k,tmpfs-mode=1770");
        assertThat(result.stdout()).isEqualTo("from the host\nro\n1770\nrw,nosuid,nodev,noexec,relatime,size=64k,mode=1770\n");
        assertThat(cli.run("volume", "ls", "-q", "-f", "label=k=v").stdout()).isEqualTo("viamount\n");
    }

    @Test
    void anImageSymlinkAtTheMountPointResolvesInsideTheRootfsNeverOnTheHost() throws IOException {
        Path hostTarget = Path.of("/nonexistent-minicontainer-test-" + root.getFileName());
        Path trap = BusyboxRootfs.create(Files.createDirectory(root.resolve("trap")));
        Files.move(trap.resolve("data"), trap.resolve("data-old"));
        Files.createSymbolicLink(trap.resolve("data"), hostTarget);
        Path dir = hostDir("trapped");
        try {
            Cli.Result result = cli.run("run", "--rm", "--rootfs", trap.toString(), "-v", dir + ":/data", "sh", "-c",
                    "cat /data/file.txt; readlink /data; cat " + hostTarget + "/file.txt");
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(result.stdout()).isEqualTo("from the host\n" + hostTarget + "\nfrom the host\n");
            assertThat(hostTarget).doesNotExist();
            assertThat(trap.resolve(hostTarget.getFileName().toString())).doesNotExist(); // created in the upper layer
        } finally {
            Files.deleteIfExists(hostTarget);
        }
    }

    private static String[] runArgsKept(String... flagsAndCommand) {
        String[] args = new String[flagsAndCommand.length + 3];
        args[0] = "run";
        args[1] = "--rootfs";
        args[2] = rootfs.toString();
        System.arraycopy(flagsAndCommand, 0, args, 3, flagsAndCommand.length);
        return args;
    }
}
