package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Terminals as a person uses them: typed into and read off a real one (tmux), resized, interrupted,
 * detached from and attached to again. Every CLI runs in the window's shell; after it the shell
 * checks that its terminal is as it was (RESTORED, spelled so that the typed line itself never reads so).
 */
class TerminalIT extends ContainerTest {
    private static final String PROMPT = "/ #";
    /** Typed before a CLI: its terminal settings, compared afterwards. */
    private static final String SAVE_SETTINGS = "S=$(stty -g)";
    private static final String CHECK_SETTINGS = "[ \"$S\" = \"$(stty -g)\" ] && echo RESTO\"\"RED || echo CHANGED";

    /** Even after a failure: a container left running would outlive the test's data root. */
    @AfterEach
    void removeContainers() {
        for (String id : cli.run("ps", "-aq").stdout().lines().toList()) {
            cli.run("rm", "-f", id);
        }
    }

    private TmuxTerminal terminal(int width, int height) throws IOException {
        return new TmuxTerminal(root, root, Map.of("MINICONTAINER_CGROUP_PARENT", cgroupParent), width, height);
    }

    @Test
    void runItIsTheContainersTerminalFollowingTheWindowAndItsKeys() throws IOException {
        try (TmuxTerminal tty = terminal(120, 30)) {
            tty.enter(SAVE_SETTINGS);
            tty.enter("mc run -it --name t1 --rootfs " + rootfs + " sh; echo \"exit=$?\"; " + CHECK_SETTINGS);
            tty.awaitLine(PROMPT);
            tty.enter("tty; stty size; echo \"term=$TERM\"; ls -l /dev/console | grep -c ' 136, '");
            tty.awaitLine("/dev/pts/0");
            tty.awaitLine("30 120");
            tty.awaitLine("term=" + tty.term());
            tty.awaitLine("1");

            tty.resize(100, 25);
            tty.enter("stty size");
            tty.awaitLine("25 100");

            tty.enter("sleep 4242");
            awaitProcess("4242");
            tty.keys("C-c");
            tty.enter("echo still-$((6*7))");
            tty.awaitLine("still-42");
            assertThat(processRuns("4242")).isFalse();

            tty.enter("sleep 4343");
            awaitProcess("4343");
            tty.keys("C-z");
            tty.awaitLine(line -> line.contains("Stopped") && line.contains("sleep 4343"));
            tty.enter("kill -9 %1; sleep 4545");
            awaitProcess("4545");
            tty.keys("C-\\");
            tty.awaitLine(line -> line.contains("Quit"));

            tty.enter("exit 3");
            tty.awaitEnding("exit=3");
            tty.awaitEnding("RESTORED");
        }
        assertThat(cli.run("rm", "t1").exitCode()).isZero();
    }

    @Test
    void aDetachedTerminalLogsAloneAndAttachDetachesWithCtrlPCtrlQ() throws IOException {
        assertThat(cli.run("run", "-dit", "--name", "t2", "--rootfs", rootfs.toString(), "sh").exitCode()).isZero();
        // nobody attached: 600 kB into the terminal neither block the container nor get lost
        assertThat(cli.run("exec", "t2", "sh", "-c", "seq 1 100000 > /dev/console; echo written").stdout())
                .isEqualTo("written\n");
        assertThat(cli.run("logs", "t2").stdout()).contains("\n99999\n100000\n"); // Cli reads lines: \r\n is \n
        try (TmuxTerminal tty = terminal(120, 30)) {
            tty.enter(SAVE_SETTINGS);
            tty.enter("mc attach t2; echo \"attach=$?\"; " + CHECK_SETTINGS);
            tty.enter("echo hello-$((6*7))");
            tty.awaitLine("hello-42");
            tty.keys("C-p", "C-q");
            tty.awaitEnding("attach=0");
            tty.awaitEnding("RESTORED");
            assertThat(cli.run("inspect", "-f", "{{.State.Running}}", "t2").stdout()).isEqualTo("true\n");

            tty.enter("clear; mc attach --detach-keys ctrl-a,d t2; echo \"again=$?\"");
            tty.enter("echo again-$((6*7))");
            tty.awaitLine("again-42");
            tty.keys("C-a", "d");
            tty.awaitEnding("again=0");

            tty.enter("clear; mc attach t2; echo \"attach=$?\"");
            tty.enter("exit 5");
            tty.awaitEnding("attach=5");

            tty.enter("clear; mc start -ai t2; echo \"start=$?\"; " + CHECK_SETTINGS);
            tty.awaitLine(PROMPT);
            tty.enter("echo started-$((6*7)); exit 6");
            tty.awaitLine("started-42");
            tty.awaitEnding("start=6");
            tty.awaitEnding("RESTORED");
        }
        assertThat(log("t2")).contains("hello-42", "again-42", "started-42");
        assertThat(cli.run("rm", "t2").exitCode()).isZero();
    }

    @Test
    void execItHasATerminalOfItsOwn() throws IOException {
        assertThat(cli.run("run", "-d", "--name", "t3", "--rootfs", rootfs.toString(), "sleep", "600").exitCode()).isZero();
        try (TmuxTerminal tty = terminal(120, 30)) {
            tty.enter(SAVE_SETTINGS);
            tty.enter("mc exec -it t3 sh; echo \"exec=$?\"; " + CHECK_SETTINGS);
            tty.awaitLine(PROMPT);
            tty.enter("tty; stty size; echo \"term=$TERM\"");
            tty.awaitLine("/dev/pts/0");
            tty.awaitLine("30 120");
            tty.awaitLine("term=" + tty.term());
            tty.resize(90, 20);
            tty.enter("stty size");
            tty.awaitLine("20 90");
            tty.enter("sleep 4444");
            awaitProcess("4444");
            tty.keys("C-c");
            tty.enter("exit 4");
            tty.awaitEnding("exec=4");
            tty.awaitEnding("RESTORED");
        }
        assertThat(cli.run("rm", "-f", "t3").exitCode()).isZero();
    }

    @Test
    void theTerminalIsRestoredWhenTheContainerIsKilledAndWhenTheCliIs() throws Exception {
        try (TmuxTerminal tty = terminal(100, 30)) {
            tty.enter(SAVE_SETTINGS);
            tty.enter("mc run -it --name t4 --rootfs " + rootfs + " sh; echo \"exit=$?\"; " + CHECK_SETTINGS);
            tty.awaitLine(PROMPT);
            assertThat(cli.run("kill", "-s", "KILL", "t4").exitCode()).isZero();
            tty.awaitEnding("exit=137");
            tty.awaitEnding("RESTORED");

            tty.enter("clear; mc start -ai t4; echo \"cli=$?\"; " + CHECK_SETTINGS);
            tty.awaitLine(PROMPT);
            ProcessHandle client = tty.foreground().orElseThrow();
            assertThat(client.info().command().orElse("")).endsWith("minicontainer-helper");
            new ProcessBuilder("kill", "-TERM", Long.toString(client.pid())).start().waitFor();
            tty.awaitEnding("cli=143");
            tty.awaitEnding("RESTORED");
            assertThat(cli.run("inspect", "-f", "{{.State.Running}}", "t4").stdout()).isEqualTo("true\n");
        }
        assertThat(cli.run("rm", "-f", "t4").exitCode()).isZero();
    }

    @Test
    void minusTAloneGivesATerminalWithoutInput() throws IOException {
        Path out = root.resolve("out");
        Cli.Result result = cli.runWithFiles(Path.of("/dev/null"), out, runArgs(new String[] {"-t"}, "sh", "-c",
                "tty; test -t 0 && echo stdin-is-a-terminal; echo to-stderr >&2"));

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(out)).isEqualTo("/dev/pts/0\r\nstdin-is-a-terminal\r\nto-stderr\r\n");
    }

    @Test
    void minusItNeedsATerminalToTypeOn() throws IOException {
        Cli.Result run = cli.run(runArgs(new String[] {"-it"}, "true"));
        assertThat(run).isEqualTo(new Cli.Result(125, "", "minicontainer: the input device is not a TTY\n"));
        assertThat(Leftovers.records(root)).isEmpty();

        assertThat(cli.run("run", "-d", "--name", "t5", "--rootfs", rootfs.toString(), "sleep", "600").exitCode()).isZero();
        assertThat(cli.run("exec", "-it", "t5", "true").stderr()).isEqualTo("minicontainer: the input device is not a TTY\n");
        assertThat(cli.run("exec", "-t", "t5", "tty").stdout()).isEqualTo("/dev/pts/0\n");
        assertThat(cli.run("rm", "-f", "t5").exitCode()).isZero();
    }

    @Test
    void inspectShowsTtyAndStdinAsDocker() {
        cli.run("run", "-dit", "--name", "i1", "--rootfs", rootfs.toString(), "sh");
        cli.run("run", "-t", "--name", "i2", "--rootfs", rootfs.toString(), "true");
        String format = "{{.Config.Tty}} {{.Config.OpenStdin}} {{.Config.AttachStdin}} {{.Config.StdinOnce}}";

        assertThat(cli.run("inspect", "-f", format, "i1", "i2").stdout())
                .isEqualTo("true true false false\ntrue false false false\n");
        assertThat(cli.run("rm", "-f", "i1", "i2").exitCode()).isZero();
    }

    @Test
    void withoutSigProxyASignalEndsTheCliAloneAndAttachToAStoppedContainerIsRefused() throws Exception {
        Cli.Running running = cli.start("run", "--sig-proxy=false", "--name", "s1", "--rootfs", rootfs.toString(),
                "sh", "-c", "echo ready; exec sleep 600");
        running.awaitLine("ready");
        running.process.destroy();
        assertThat(running.await().exitCode()).isEqualTo(143);
        assertThat(cli.run("inspect", "-f", "{{.State.Running}}", "s1").stdout()).isEqualTo("true\n");
        cli.run("kill", "-s", "KILL", "s1");
        cli.run("wait", "s1");
        assertThat(cli.run("attach", "s1")).isEqualTo(new Cli.Result(125, "",
                "minicontainer: You cannot attach to a stopped container, start it first\n"));
        assertThat(cli.run("rm", "s1").exitCode()).isZero();
    }

    private String log(String name) {
        try {
            String id = Files.readString(root.resolve("names").resolve(name)).strip();
            return Files.readString(root.resolve("containers").resolve(id).resolve("container.log"));
        } catch (IOException e) {
            return "";
        }
    }

    /** A process of some container runs {@code sleep SECONDS}: what the keys are about to interrupt. */
    private static void awaitProcess(String seconds) {
        for (int i = 0; i < 300 && !processRuns(seconds); i++) {
            TmuxTerminal.pause(50);
        }
        assertThat(processRuns(seconds)).as("sleep " + seconds + " runs").isTrue();
    }

    private static boolean processRuns(String seconds) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).anyMatch(p -> {
                try {
                    return Files.readString(p.resolve("cmdline")).equals("sleep\0" + seconds + "\0");
                } catch (IOException | RuntimeException gone) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }
}
