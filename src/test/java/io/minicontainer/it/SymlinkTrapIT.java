package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A root file system whose directories are symlinks aimed at the host's /etc, absolutely, through
 * "/../../../..", or by a relative chain of "..": every mount point behind them resolves inside the
 * container's root. The host's /etc is never touched and the --rootfs directory (the lower layer)
 * gets nothing: what is created goes to the container's upper layer.
 */
class SymlinkTrapIT extends ContainerTest {
    private Path trap;
    private Path hostDir;
    private String marker;

    @BeforeEach
    void trapRootfs() throws IOException {
        trap = BusyboxRootfs.create(Files.createDirectory(root.resolve("trap")));
        Files.createDirectories(trap.resolve("etc"));
        Files.createDirectories(trap.resolve("deep/er"));
        Files.createSymbolicLink(trap.resolve("abs"), Path.of("/../../../../etc"));
        Files.createSymbolicLink(trap.resolve("rel"), Path.of("../../../../etc"));
        Files.createSymbolicLink(trap.resolve("deep/er/up"), Path.of("../../../../../../../etc"));
        Files.move(trap.resolve("data"), trap.resolve("data-old"));
        Files.createSymbolicLink(trap.resolve("data"), Path.of("/etc"));
        marker = "minicontainer-trap-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        hostDir = Files.createDirectories(root.resolve("host"));
        Files.writeString(hostDir.resolve(marker), "from the host\n");
    }

    private Cli.Result run(String script, String... flags) {
        String[] args = new String[flags.length + 7];
        args[0] = "run";
        args[1] = "--rm";
        args[2] = "--rootfs";
        args[3] = trap.toString();
        System.arraycopy(flags, 0, args, 4, flags.length);
        args[flags.length + 4] = "sh";
        args[flags.length + 5] = "-c";
        args[flags.length + 6] = script;
        return cli.run(args);
    }

    private void hostUntouched(String... names) {
        for (String name : names) {
            assertThat(Path.of("/etc", name)).as("host /etc/" + name).doesNotExist();
            assertThat(trap.resolve("etc").resolve(name)).as("rootfs etc/" + name).doesNotExist();
        }
    }

    @Test
    void aVolumeOnAnAbsoluteSymlinkLandsOnTheContainersEtc() {
        Cli.Result result = run("readlink /data; cat /etc/" + marker, "-v", hostDir + ":/data");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("/etc\nfrom the host\n");
        hostUntouched(marker);
    }

    @Test
    void dotDotAboveTheRootStaysAtTheRoot() {
        Cli.Result result = run("cat /etc/viaabs/" + marker + " /etc/viarel/" + marker + " /etc/viadeep/" + marker,
                "-v", hostDir + ":/abs/viaabs", "-v", hostDir + ":/rel/viarel:ro", "-v", hostDir + ":/deep/er/up/viadeep");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("from the host\n".repeat(3));
        hostUntouched("viaabs", "viarel", "viadeep");
    }

    @Test
    void tmpfsAndFileMountsThroughTrapsToo() throws IOException {
        Path file = Files.writeString(root.resolve("file"), "a file\n");
        Cli.Result result = run("grep -c ' /etc/scratch ' /proc/mounts; cat /etc/" + marker,
                "--tmpfs", "/rel/scratch", "-v", file + ":/abs/" + marker);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("1\na file\n");
        hostUntouched("scratch", marker);
    }

    @Test
    void theEnginesEtcFilesFollowASymlinkedEtcInsideTheRoot() throws IOException {
        Files.move(trap.resolve("etc"), trap.resolve("real-etc"));
        Files.createSymbolicLink(trap.resolve("etc"), Path.of("../../../../real-etc"));
        Files.createSymbolicLink(trap.resolve("real-etc/hostname"), Path.of("/../../../etc/" + marker));
        Cli.Result result = run("cat /real-etc/hostname; grep -q localhost /real-etc/hosts && echo hosts",
                "--hostname", "trapped");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("trapped\nhosts\n");
        assertThat(Path.of("/etc", marker)).doesNotExist();
        assertThat(trap.resolve("real-etc/hosts")).doesNotExist();
    }
}
