package io.minicontainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicontainer.TestHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resource flags through the whole CLI: help texts, and run refusing bad values with docker's words before
 * anything is created. As in MainTest, the launcher is in dry-run mode and the helper path does not exist.
 */
@ExtendWith(DryRunLauncher.class)
class ResourceFlagsMainTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int execute(String... args) {
        List<String> all = new ArrayList<>(List.of("--root", tmp.resolve("root").toString(),
                "--runroot", tmp.resolve("run").toString()));
        all.addAll(List.of(args));
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("PATH", "/usr/bin:/bin", "MINICONTAINER_NETWORK", "none")).execute(all);
    }

    /** run with the given flags on an empty rootfs; only ever called with flags that must be refused. */
    private int runWith(String... flags) throws IOException {
        assumeTrue(TestHost.isRoot(), "run checks for root before anything else");
        Path rootfs = Files.createDirectories(tmp.resolve("rootfs"));
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(List.of(flags));
        args.addAll(List.of("--rootfs", rootfs.toString(), "sh"));
        return execute(args.toArray(String[]::new));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runAndUpdateListTheResourceFlags() {
        assertThat(execute("run", "--help")).isZero();
        assertThat(execute("update", "--help")).isZero();

        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("-m, --memory BYTES", "--memory-swap BYTES", "--memory-reservation BYTES", "--cpus N",
                "-c, --cpu-shares N", "--cpu-period MICROS", "--cpu-quota MICROS", "--cpuset-cpus LIST", "--pids-limit N",
                "Usage:  minicontainer update [OPTIONS] CONTAINER [CONTAINER...]");
    }

    @Test
    void theNewCommandsAreListedAndInTheContainerGroup() {
        assertThat(execute("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("(?m)^  stats +Display a live stream")
                .containsPattern("(?m)^  update +Update configuration").containsPattern("(?m)^  pause +Pause all processes")
                .containsPattern("(?m)^  unpause +Unpause all processes");
        out.reset();

        assertThat(execute("container", "stats", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage:  minicontainer stats [OPTIONS] [CONTAINER...]")
                .contains("--no-stream", "--no-trunc", "-a, --all", "--format FORMAT");
        assertThat(execute("container", "pause", "--help")).isZero();
        assertThat(execute("container", "unpause", "--help")).isZero();
        assertThat(execute("container", "update", "--help")).isZero();
    }

    @Test
    void updateWithoutFlagsIsRefused() {
        assertThat(execute("update", "web")).isEqualTo(125);
        assertThat(err()).isEqualTo("minicontainer: you must provide one or more flags when using this command\n");
    }

    @Test
    void anUnreadableValuePointsAtRunsHelp() throws IOException {
        assertThat(runWith("-m", "abc")).isEqualTo(125);
        assertThat(err()).isEqualTo("minicontainer: invalid argument \"abc\" for \"-m, --memory\" flag: invalid size: 'abc'"
                + " (see 'minicontainer run --help')\n");
        assertThat(tmp.resolve("root")).doesNotExist();
    }

    @Test
    void tooLittleMemoryIsRefused() throws IOException {
        assertThat(runWith("--memory=4m")).isEqualTo(125);
        assertThat(err()).isEqualTo("minicontainer: Minimum memory limit allowed is 6MB\n");
        assertThat(tmp.resolve("root")).doesNotExist();
    }

    @Test
    void moreCpusThanTheHostHasAreRefused() throws IOException {
        int cpus = Runtime.getRuntime().availableProcessors();

        assertThat(runWith("--cpus", "99999")).isEqualTo(125);
        assertThat(err()).isEqualTo("minicontainer: range of CPUs is from 0.01 to " + cpus + ".00, as there are only "
                + cpus + " CPUs available\n");
    }

    @Test
    void cpusTheHostDoesNotHaveAreRefused() throws IOException {
        String online = Files.readString(Path.of("/sys/devices/system/cpu/online")).strip();

        assertThat(runWith("--cpuset-cpus", "4000")).isEqualTo(125);
        assertThat(err()).isEqualTo("minicontainer: Requested CPUs are not available - requested 4000, available: "
                + online + "\n");
    }

    @Test
    void swapWithoutMemoryIsRefused() throws IOException {
        assertThat(runWith("--memory-swap", "1g")).isEqualTo(125);
        assertThat(err()).isEqualTo(
                "minicontainer: You should always set the Memory limit when using Memoryswap limit, see usage\n");
    }
}
