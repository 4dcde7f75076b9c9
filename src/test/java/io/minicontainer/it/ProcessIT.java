package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The container's process as the CLI's caller sees it: exit codes, signals, streams, environment. */
class ProcessIT extends ContainerTest {

    @Test
    void theExitCodeIsTheContainers() {
        assertThat(sh("exit 3").exitCode()).isEqualTo(3);
        assertThat(sh("true").exitCode()).isZero();
    }

    @Test
    void aMissingCommandGives127AndDockersMessage() {
        Cli.Result result = cli.run(runArgs(new String[0], "no-such-command"));
        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.stderr()).isEqualTo(
                "minicontainer: exec: \"no-such-command\": executable file not found in $PATH\n");
    }

    @Test
    void aCommandThatCannotBeExecutedGives126() {
        Cli.Result result = cli.run(runArgs(new String[0], "/data/file.txt"));
        assertThat(result.exitCode()).isEqualTo(126);
        assertThat(result.stderr()).startsWith("minicontainer: exec: \"/data/file.txt\": ");
    }

    @Test
    void deathBySignalGives128PlusTheSignal() throws Exception {
        Cli.Running running = cli.start(runArgs(new String[0], "sh", "-c", "echo ready; exec sleep 60"));
        running.awaitLine("ready");
        ProcessHandle container = ProcessHandle.of(containerPid()).orElseThrow();
        container.destroyForcibly(); // SIGKILL from the host
        assertThat(running.await().exitCode()).isEqualTo(128 + 9);
    }

    /** The only container's pid 1, as its monitor recorded it. */
    private long containerPid() throws java.io.IOException {
        try (var dirs = java.nio.file.Files.list(root.resolve("containers"))) {
            java.nio.file.Path dir = dirs.filter(d -> d.getFileName().toString().matches("[0-9a-f]{64}"))
                    .findFirst().orElseThrow();
            return java.nio.file.Files.readAllLines(dir.resolve("status")).stream().filter(l -> l.startsWith("pid="))
                    .mapToLong(l -> Long.parseLong(l.substring(4))).findFirst().orElseThrow();
        }
    }

    @ParameterizedTest
    @CsvSource({"INT,2", "TERM,15", "HUP,1", "QUIT,3", "USR1,10", "USR2,12"})
    void signalsToTheCliReachTheContainer(String name, int number) throws Exception {
        String script = "trap 'echo got " + name + "; exit 42' " + name + "; echo ready;"
                + " while true; do sleep 0.1; done";
        Cli.Running running = cli.start(runArgs(new String[0], "sh", "-c", script));
        running.awaitLine("ready");
        Runtime.getRuntime().exec(new String[] {"kill", "-" + number, Long.toString(running.process.pid())})
                .waitFor(5, TimeUnit.SECONDS);
        Cli.Result result = running.await();
        assertThat(result.exitCode()).isEqualTo(42);
        assertThat(result.stdout()).endsWith("got " + name + "\n");
    }

    @Test
    void stdinReachesTheContainerOnlyWithInteractive() {
        assertThat(cli.runWithInput("hello\n", runArgs(new String[] {"-i"}, "cat")).stdout()).isEqualTo("hello\n");
        assertThat(cli.runWithInput("hello\n", runArgs(new String[0], "cat")).stdout()).isEmpty();
    }

    @Test
    void stdoutAndStderrStaySeparate() {
        Cli.Result result = sh("echo to-out; echo to-err >&2");
        assertThat(result.stdout()).isEqualTo("to-out\n");
        assertThat(result.stderr()).isEqualTo("to-err\n");
    }

    @Test
    void theEnvironmentHasDockersDefaultsAndTheUsersVariables() throws IOException {
        Path envFile = Files.writeString(root.resolve("env.list"), "# comment\n\nFROM_FILE=file value\nFROM_CALLER\n");
        Cli.Result result = sh("env | sort", "-e", "A=1", "-e", "FROM_CALLER", "-e", "UNSET_IN_CALLER",
                "--env-file", envFile.toString(), "-e", "PATH=/bin");
        assertThat(result.stdout()).contains("A=1\n", "FROM_CALLER=caller-value\n", "FROM_FILE=file value\n",
                "HOME=/\n", "PATH=/bin\n").containsPattern("HOSTNAME=[0-9a-f]{12}\n")
                .doesNotContain("UNSET_IN_CALLER");
    }

    @Test
    void theJvmLeavesNoPerfDataFileWhenItBecomesTheHelper() {
        Cli.Running running = cli.start(runArgs(new String[0], "true"));
        long pid = running.process.pid();
        assertThat(running.await().exitCode()).isZero();
        assertThat(Path.of("/tmp/hsperfdata_root", Long.toString(pid))).doesNotExist();
    }

    @Test
    void theDefaultPathIsDockers() {
        assertThat(sh("echo $PATH").stdout()).isEqualTo("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n");
    }

    @Test
    void workdirIsCreatedAndEntered() {
        assertThat(sh("pwd", "-w", "/work/dir").stdout()).isEqualTo("/work/dir\n");
    }

    @Test
    void explainPrintsThePlanAndThenRunsIt() {
        Cli.Result result = sh("echo ran", "--explain");
        assertThat(result.stdout()).isEqualTo("ran\n");
        assertThat(result.stderr()).contains("clone(CLONE_NEWNS|", "CLONE_NEWPID", "pivot_root $ROOTFS",
                "mount -t proc -o nosuid,nodev,noexec proc $ROOTFS/proc", "capset(effective=00000000a80425fb",
                "exec sh -c 'echo ran'");
    }
}
