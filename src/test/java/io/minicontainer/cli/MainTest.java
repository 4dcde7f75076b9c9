package io.minicontainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicontainer.TestHost;
import io.minicontainer.cgroups.CgroupMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's exit codes and its one line of error. {@code run} is only called in ways that fail
 * validation; as a safety net the launcher is in dry-run mode and the helper path does not exist,
 * so even a run that got through could not replace this JVM.
 */
@ExtendWith(DryRunLauncher.class)
class MainTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterAll
    static void removeCgroups() {
        try {
            TestCgroupParent.removeAll();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int execute(String... args) {
        Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("PATH", "/usr/bin:/bin", "MINICONTAINER_NETWORK", "none",
                        "MINICONTAINER_CGROUP_PARENT", TestCgroupParent.NAME));
        return main.execute(List.of(args));
    }

    /** {@code run} with {@code --root} in the temp dir, then the given run arguments. */
    private int run(String... args) {
        assumeTrue(TestHost.isRoot(), "run checks for root before anything else");
        List<String> all = new ArrayList<>(List.of("--root", tmp.resolve("root").toString(),
                "--runroot", tmp.resolve("run").toString(), "run"));
        all.addAll(List.of(args));
        return execute(all.toArray(String[]::new));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unknownCommandIsOneErrorLineAndExitCode125() {
        assertThat(execute("bogus")).isEqualTo(125);
        assertThat(err()).isEqualTo("minicontainer: unknown command \"bogus\" (see 'minicontainer --help')\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void unknownFlagOnRunPointsAtRunHelp() {
        assertThat(execute("run", "--bogus")).isEqualTo(125);
        assertThat(err()).isEqualTo("minicontainer: unknown flag: --bogus (see 'minicontainer run --help')\n");
    }

    @Test
    void missingValueOfAGlobalFlagIsAnError() {
        assertThat(execute("--root")).isEqualTo(125);
        assertThat(err()).isEqualTo("minicontainer: flag needs an argument: --root\n");
    }

    @Test
    void runHelpListsEveryRunFlag() {
        assertThat(execute("run", "--help")).isEqualTo(0);
        assertThat(out()).startsWith("Usage:  minicontainer run [OPTIONS] IMAGE [COMMAND] [ARG...]"
                        + "  |  run [OPTIONS] --rootfs DIR COMMAND [ARG...]\n")
                .contains("Options:\n", "--rootfs DIR", "--name NAME", "-h, --hostname NAME", "-e, --env K=V",
                        "--env-file FILE", "-w, --workdir DIR", "-i, --interactive", "--rm", "--network NETWORK",
                        "--ip ADDRESS", "-P, --publish-all",
                        "--explain", "--help");
        assertThat(err()).isEmpty();
    }

    @Test
    void helpFlagAfterTheCommandArgumentsBelongsToTheCommand() {
        assertThat(run("--rootfs", tmp.resolve("missing").toString(), "sh", "--help")).isEqualTo(125);
        assertThat(out()).isEmpty();
    }

    @Test
    void helpListsCommandsAndGlobalFlagsAndExitsZero() {
        assertThat(execute("--help")).isEqualTo(0);
        assertThat(out()).startsWith("Usage:  minicontainer [OPTIONS] COMMAND\n")
                .contains("--root DIR", "--runroot DIR", "-v, --version", "Commands:\n")
                .containsPattern("(?m)^  run +Create and run a container")
                .containsPattern("(?m)^  version +Show the version");
    }

    @Test
    void noCommandPrintsTheOverviewAndExitsOne() {
        assertThat(execute()).isEqualTo(1);
        assertThat(out()).startsWith("Usage:  minicontainer [OPTIONS] COMMAND\n");
    }

    @Test
    void versionPrintsTheKernelAndTheCgroupMode() throws IOException {
        String kernel = Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();

        assertThat(execute("version")).isEqualTo(0);
        assertThat(out()).startsWith("MiniContainer ")
                .contains("\n kernel:   " + kernel + "\n")
                .containsPattern("\n java: +" + Runtime.version().feature());
        String cgroups = out().lines().filter(l -> l.startsWith(" cgroups:  ")).findFirst().orElseThrow();
        assertThat(cgroups.substring(" cgroups:  ".length()))
                .isIn(Arrays.stream(CgroupMode.values()).map(CgroupMode::description).toList());
    }

    @Test
    void versionFlagPrintsTheSameAsTheVersionCommand() {
        execute("version");
        String viaCommand = out();
        out.reset();

        assertThat(execute("-v")).isEqualTo(0);
        assertThat(out()).isEqualTo(viaCommand);
    }

    @Test
    void versionRefusesArguments() {
        assertThat(execute("version", "extra")).isEqualTo(125);
        assertThat(err()).isEqualTo("minicontainer: \"version\" accepts no arguments\n");
    }

    @Test
    void versionHelpPrintsUsage() {
        assertThat(execute("version", "--help")).isEqualTo(0);
        assertThat(out()).startsWith("Usage:  minicontainer version\n");
    }

    @Test
    void runWithoutImageOrRootfsIsAnError() {
        assertThat(run()).isEqualTo(125);
        assertThat(err()).isEqualTo("minicontainer: run needs an IMAGE or --rootfs DIR\n");
    }

    @Test
    void runWithAMissingRootfsIsAnErrorAndLeavesNothingBehind() {
        Path missing = tmp.resolve("missing");

        assertThat(run("--rootfs", missing.toString(), "sh")).isEqualTo(125);
        assertThat(err()).isEqualTo("minicontainer: rootfs " + missing + ": no such directory\n");
        assertThat(tmp.resolve("root")).doesNotExist();
    }

    @Test
    void runWithAFileAsRootfsIsAnError() throws IOException {
        Path file = Files.createFile(tmp.resolve("file"));

        assertThat(run("--rootfs", file.toString(), "sh")).isEqualTo(125);
        assertThat(err()).isEqualTo("minicontainer: rootfs " + file + ": not a directory\n");
    }

    @Test
    void runWithoutACommandIsAnError() throws IOException {
        Path rootfs = Files.createDirectory(tmp.resolve("rootfs"));

        assertThat(run("--rootfs", rootfs.toString())).isEqualTo(125);
        assertThat(err()).isEqualTo("minicontainer: no command specified\n");
    }

    @Test
    void runWithAnUnknownNetworkIsAnError() throws IOException {
        Path rootfs = Files.createDirectory(tmp.resolve("rootfs"));

        assertThat(run("--network", "overlay", "--rootfs", rootfs.toString(), "sh")).isEqualTo(125);
        assertThat(err()).isEqualTo("minicontainer: network overlay not found\n");
    }

    @Test
    void runWithAnInvalidNameIsAnError() throws IOException {
        Path rootfs = Files.createDirectory(tmp.resolve("rootfs"));

        assertThat(run("--name", "-bad", "--rootfs", rootfs.toString(), "sh")).isEqualTo(125);
        assertThat(err()).startsWith("minicontainer: invalid container name \"-bad\"");
        assertThat(tmp.resolve("root")).doesNotExist();
    }
}
