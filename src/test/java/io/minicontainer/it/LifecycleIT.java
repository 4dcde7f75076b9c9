package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Detached containers and their monitor: run -d, stop, kill, wait, start, restart, rm. */
class LifecycleIT extends ContainerTest {

    @Test
    void runDetachedPrintsTheIdAndReturnsWhileTheContainerRuns() throws IOException {
        Cli.Result run = detached(List.of("--name", "web"), "sh", "-c", "echo hello; exec sleep 60");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).matches("[0-9a-f]{64}\n");
        assertThat(status(run.stdout().strip())).containsEntry("state", "running");
        assertThat(Leftovers.processes(root)).isNotEmpty();
        assertThat(cli.run("rm", "-f", "web")).isEqualTo(new Cli.Result(0, "web\n", ""));
        assertThat(Leftovers.records(root)).isEmpty();
    }

    @Test
    void stopSendsTermAndWaitPrintsTheExitCode() {
        detached(List.of("--name", "trapper"), "sh", "-c", "trap 'exit 3' TERM; echo ready; while true; do sleep 0.1; done");
        awaitLog("trapper", "ready");
        assertThat(cli.run("stop", "trapper")).isEqualTo(new Cli.Result(0, "trapper\n", ""));
        assertThat(cli.run("wait", "trapper").stdout()).isEqualTo("3\n");
        cli.run("rm", "trapper");
    }

    @Test
    void stopKillsAfterTheTimeoutAContainerThatIgnoresTerm() {
        detached(List.of("--name", "stubborn"), "sh", "-c", "trap '' TERM; echo ready; while true; do sleep 0.1; done");
        awaitLog("stubborn", "ready");
        long start = System.nanoTime();
        assertThat(cli.run("stop", "-t", "2", "stubborn").exitCode()).isZero();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(millis).isBetween(2000L, 9000L);
        assertThat(cli.run("wait", "stubborn").stdout()).isEqualTo("137\n");
        cli.run("rm", "stubborn");
    }

    @Test
    void killSendsTheGivenSignal() {
        detached(List.of("--name", "usr"), "sh", "-c",
                "trap 'echo got usr1; exit 5' USR1; echo ready; while true; do sleep 0.1; done");
        awaitLog("usr", "ready");
        assertThat(cli.run("kill", "-s", "SIGUSR1", "usr").exitCode()).isZero();
        assertThat(cli.run("wait", "usr").stdout()).isEqualTo("5\n");
        assertThat(log("usr")).contains("got usr1");
        Cli.Result again = cli.run("kill", "usr");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.stderr()).matches("minicontainer: container [0-9a-f]{64} is not running\n");
        cli.run("rm", "usr");
    }

    @Test
    void aForegroundContainerOutlivesItsCliKilledWithSigkillAndKeepsItsLogAndExitCode() throws Exception {
        Cli.Running running = cli.start("run", "--name", "orphan", "--rootfs", rootfs.toString(),
                "sh", "-c", "echo ready; sleep 1; echo after the cli; exit 4");
        running.awaitLine("ready");
        running.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(cli.run("wait", "orphan").stdout()).isEqualTo("4\n");
        assertThat(log("orphan")).contains("stdout F ready", "stdout F after the cli");
        cli.run("rm", "orphan");
    }

    @Test
    void theMonitorSurvivesSighupAndTheLossOfTheTerminalThatStartedIt() throws Exception {
        String tmux = "mc-test-" + ProcessHandle.current().pid();
        String command = String.join(" ", Cli.command(root, "run", "-d", "--name", "lasting", "--network", "none",
                "--rootfs", rootfs.toString(), "sleep", "60"));
        new ProcessBuilder("tmux", "-L", tmux, "new-session", "-d", command + "; sleep 60").start().waitFor();
        awaitStatus("lasting", "state=running");
        new ProcessBuilder("tmux", "-L", tmux, "kill-server").start().waitFor();
        String id = Files.readString(root.resolve("names").resolve("lasting")).strip();
        long monitor = Long.parseLong(status(id).get("monitor"));
        new ProcessBuilder("kill", "-HUP", Long.toString(monitor)).start().waitFor();
        Thread.sleep(300);
        assertThat(status(id)).containsEntry("state", "running");
        assertThat(ProcessHandle.of(monitor)).isPresent();
        assertThat(cli.run("rm", "-f", "lasting").exitCode()).isZero();
    }

    @Test
    void aDetachedContainerThatCannotStartIsAnErrorNotAnId() throws IOException {
        Cli.Result run = cli.run("run", "-d", "--rootfs", rootfs.toString(), "no-such-command");
        assertThat(run).isEqualTo(new Cli.Result(127, "",
                "minicontainer: exec: \"no-such-command\": executable file not found in $PATH\n"));
        assertThat(Leftovers.records(root)).isEmpty();
    }

    @Test
    void tenParallelDetachedRunsGetTheirOwnIdsAndNames() throws IOException {
        List<Cli.Running> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            runs.add(cli.start("run", "-d", "--rootfs", rootfs.toString(), "sleep", "60"));
        }
        List<String> ids = runs.stream().map(Cli.Running::await).peek(r -> assertThat(r.exitCode()).isZero())
                .map(r -> r.stdout().strip()).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(10).allMatch(id -> id.matches("[0-9a-f]{64}"));
        try (var names = Files.list(root.resolve("names"))) {
            assertThat(names.count()).isEqualTo(10);
        }
        List<String> rm = new ArrayList<>(List.of("rm", "-f"));
        rm.addAll(ids);
        assertThat(cli.run(rm.toArray(String[]::new)).exitCode()).isZero();
        assertThat(Leftovers.records(root)).isEmpty();
    }

    @Test
    void rmOfARunningContainerNeedsForce() {
        detached(List.of("--name", "busy"), "sleep", "60");
        Cli.Result refused = cli.run("rm", "busy");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).isEqualTo("minicontainer: cannot remove container \"/busy\": container is running:"
                + " stop the container before removing or force remove\n");
        assertThat(cli.run("rm", "-f", "busy").exitCode()).isZero();
    }

    @Test
    void startRunsAnExitedContainerAgainWithItsFiles() {
        cli.run("run", "--name", "again", "--rootfs", rootfs.toString(), "sh", "-c", "echo x >> /count; wc -l < /count");
        Cli.Result attached = cli.run("start", "-a", "again");
        assertThat(attached).isEqualTo(new Cli.Result(0, "2\n", ""));
        assertThat(cli.run("start", "again").stdout()).isEqualTo("again\n");
        assertThat(cli.run("wait", "again").stdout()).isEqualTo("0\n");
        assertThat(log("again")).contains("F 1", "F 2", "F 3");
        cli.run("rm", "again");
    }

    @Test
    void restartStopsAndStartsIt() {
        detached(List.of("--name", "cycle"), "sh", "-c", "echo run; exec sleep 60");
        awaitLog("cycle", "run");
        assertThat(cli.run("restart", "-t", "1", "cycle")).isEqualTo(new Cli.Result(0, "cycle\n", ""));
        awaitLogCount("cycle", "run", 2);
        assertThat(cli.run("rm", "-f", "cycle").exitCode()).isZero();
    }

    @Test
    void rmDetachedRemovesItselfWhenItExits() throws Exception {
        detached(List.of("--rm", "--name", "brief"), "true");
        for (int i = 0; i < 100 && !Leftovers.records(root).isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(Leftovers.records(root)).isEmpty();
    }

    @Test
    void logRotationKeepsAtMostMaxFiles() throws IOException {
        Cli.Result run = cli.run("run", "--log-opt", "max-size=1k", "--log-opt", "max-file=2", "--rootfs",
                rootfs.toString(), "sh", "-c", "for i in $(seq 1 400); do echo line $i; done");
        assertThat(run.exitCode()).isZero();
        String id = onlyId();
        Path dir = root.resolve("containers").resolve(id);
        assertThat(dir.resolve("container.log")).exists();
        assertThat(dir.resolve("container.log.1")).exists();
        assertThat(dir.resolve("container.log.2")).doesNotExist();
        assertThat(Files.size(dir.resolve("container.log.1"))).isLessThan(1024 + 16384);
        String kept = Files.readString(dir.resolve("container.log.1")) + Files.readString(dir.resolve("container.log"));
        assertThat(kept).contains("stdout F line 400").doesNotContain("stdout F line 1\n");
        cli.run("rm", id);
    }

    @Test
    void aBadLogOptionIsOneLineAndLeavesNothing() throws IOException {
        Cli.Result bad = cli.run("run", "--log-opt", "max-size=lots", "--rootfs", rootfs.toString(), "true");
        assertThat(bad).isEqualTo(new Cli.Result(125, "",
                "minicontainer: invalid max-size 'lots': expected a size such as 10m\n"));
        Cli.Result unknown = cli.run("run", "--log-opt", "compress=true", "--rootfs", rootfs.toString(), "true");
        assertThat(unknown.stderr())
                .isEqualTo("minicontainer: unknown log opt 'compress' (max-size and max-file are supported)\n");
        assertThat(Leftovers.records(root)).isEmpty();
    }

    Cli.Result detached(List<String> flags, String... command) {
        List<String> args = new ArrayList<>(List.of("run", "-d"));
        args.addAll(flags);
        args.addAll(List.of("--rootfs", rootfs.toString()));
        args.addAll(List.of(command));
        Cli.Result result = cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result;
    }

    String onlyId() throws IOException {
        try (var dirs = Files.list(root.resolve("containers"))) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9a-f]{64}")).findFirst().orElseThrow();
        }
    }

    Map<String, String> status(String id) throws IOException {
        return Files.readAllLines(root.resolve("containers").resolve(id).resolve("status")).stream()
                .map(line -> line.split("=", 2)).collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    }

    void awaitStatus(String name, String line) throws Exception {
        for (int i = 0; i < 200; i++) {
            try {
                String id = Files.readString(root.resolve("names").resolve(name)).strip();
                if (Files.readAllLines(root.resolve("containers").resolve(id).resolve("status")).contains(line)) {
                    return;
                }
            } catch (IOException notYet) {
                // not created yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError(name + " never had " + line);
    }

    String log(String name) {
        try {
            String id = Files.readString(root.resolve("names").resolve(name)).strip();
            return Files.readString(root.resolve("containers").resolve(id).resolve("container.log"));
        } catch (IOException e) {
            return "";
        }
    }

    void awaitLog(String name, String line) {
        awaitLogCount(name, line, 1);
    }

    void awaitLogCount(String name, String line, int count) {
        for (int i = 0; i < 200; i++) {
            if (log(name).split(" F " + line + "\n", -1).length - 1 >= count) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError(name + " did not log " + line + " " + count + " times: " + log(name));
    }
}
