package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Monitors killed, reboots, orphans: state on disk that no process backs any more. */
class CrashIT extends ContainerTest {
    private static final String OTHER_BOOT = "00000000-0000-0000-0000-000000000000";

    @Test
    void aMonitorKilledWithSigkillTakesItsContainerAndReadsAsExited137() throws Exception {
        String id = runDetached("victim", "sleep", "60");
        long monitor = Long.parseLong(status(id).get("monitor"));
        new ProcessBuilder("kill", "-9", Long.toString(monitor)).start().waitFor();
        awaitNoProcesses();
        assertThat(cli.run("wait", "victim").stdout()).isEqualTo("137\n");
        assertThat(status(id)).containsEntry("state", "exited").containsKey("finished_at");
        assertThat(cli.run("rm", "victim").exitCode()).isZero();
        assertThat(Leftovers.records(root)).isEmpty();
    }

    @Test
    void afterARebootTheRecordedProcessesAreNeverSignalledAndRmWorks() throws Exception {
        String id = runDetached("rebooted", "true");
        cli.run("wait", "rebooted");
        // what a reboot leaves: "running", with pids that now belong to someone else (here: pid 1)
        writeStatus(id, "state=running\npid=1\npid_start=" + startTicks(1) + "\nmonitor=1\nmonitor_start="
                + startTicks(1) + "\nboot_id=" + OTHER_BOOT + "\nstarted_at=2026-01-01T00:00:00Z\n");
        assertThat(cli.run("kill", "rebooted").exitCode()).isEqualTo(1);
        assertThat(cli.run("stop", "rebooted").exitCode()).isZero();
        assertThat(cli.run("wait", "rebooted").stdout()).isEqualTo("137\n");
        assertThat(cli.run("rm", "rebooted").exitCode()).isZero();
        assertThat(Leftovers.records(root)).isEmpty();
    }

    @Test
    void aReusedPidIsNotTheContainer() throws Exception {
        String id = runDetached("reused", "true");
        cli.run("wait", "reused");
        Process stranger = new ProcessBuilder("sleep", "60").start();
        try {
            String boot = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
            long pid = stranger.pid();
            writeStatus(id, "state=running\npid=" + pid + "\npid_start=" + (startTicks(pid) - 1) + "\nmonitor=" + pid
                    + "\nmonitor_start=" + (startTicks(pid) - 1) + "\nboot_id=" + boot + "\nstarted_at=2026-01-01T00:00:00Z\n");
            assertThat(cli.run("kill", "reused").exitCode()).isEqualTo(1);
            assertThat(cli.run("rm", "-f", "reused").exitCode()).isZero();
            assertThat(stranger.isAlive()).isTrue();
        } finally {
            stranger.destroyForcibly();
        }
    }

    @Test
    void pruneRemovesStoppedContainersAndWhatCrashesLeftButNotRunningOnes() throws Exception {
        runDetached("stays", "sleep", "60");
        String stopped = runDetached("stopped", "true");
        cli.run("wait", "stopped");
        Path half = Files.createDirectories(root.resolve("containers").resolve("ab".repeat(32)).resolve("upper"));
        Files.writeString(root.resolve("names").resolve("dangling"), "cd".repeat(32));
        Files.writeString(root.resolve("containers/.locks").resolve("ef".repeat(32)), "");
        Cli.Result prune = cli.run("container", "prune", "-f");
        assertThat(prune.exitCode()).isZero();
        assertThat(prune.stdout()).startsWith("Deleted Containers:\n").contains(stopped, "ab".repeat(32))
                .containsPattern("\nTotal reclaimed space: [0-9.]+[kMG]?B\n$");
        assertThat(half.getParent()).doesNotExist();
        assertThat(Leftovers.records(root)).hasSize(3).contains("names/stays");
        assertThat(cli.run("rm", "-f", "stays").exitCode()).isZero();
        assertThat(Leftovers.records(root)).isEmpty();
    }

    @Test
    void pruneAsksFirst() {
        String stopped = runDetached("kept", "true");
        cli.run("wait", "kept");
        Cli.Result declined = cli.runWithInput("n\n", "prune");
        assertThat(declined.stdout()).contains("Are you sure you want to continue? [y/N]");
        assertThat(cli.run("wait", "kept").exitCode()).isZero();
        assertThat(cli.runWithInput("y\n", "prune").stdout()).contains(stopped);
    }

    @Test
    void unknownAndAmbiguousReferencesAreClearErrors() throws IOException {
        fakeRecord("abc1" + "0".repeat(60), "first");
        fakeRecord("abc2" + "0".repeat(60), "second");
        assertThat(cli.run("rm", "abc")).isEqualTo(new Cli.Result(1, "",
                "minicontainer: multiple containers match the id prefix \"abc\": be more specific\n"));
        assertThat(cli.run("stop", "nope")).isEqualTo(new Cli.Result(1, "", "minicontainer: no such container: nope\n"));
        assertThat(cli.run("rm", "abc1", "second")).isEqualTo(new Cli.Result(0, "abc1\nsecond\n", ""));
        assertThat(Leftovers.records(root)).isEmpty();
    }

    private void fakeRecord(String id, String name) throws IOException {
        Path dir = Files.createDirectories(root.resolve("containers").resolve(id));
        Files.writeString(dir.resolve("container.json"), "{\"Id\":\"" + id + "\",\"Name\":\"" + name
                + "\",\"Created\":\"2026-01-01T00:00:00Z\",\"Path\":\"true\",\"Args\":[],\"Config\":{}}");
        Files.createDirectories(root.resolve("names"));
        Files.writeString(root.resolve("names").resolve(name), id);
    }

    private String runDetached(String name, String... command) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "-d", "--name", name, "--rootfs", rootfs.toString()));
        args.addAll(List.of(command));
        Cli.Result result = cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout().strip();
    }

    private Map<String, String> status(String id) throws IOException {
        return Files.readAllLines(root.resolve("containers").resolve(id).resolve("status")).stream()
                .map(line -> line.split("=", 2)).collect(java.util.stream.Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    }

    private void writeStatus(String id, String text) throws IOException {
        Files.writeString(root.resolve("containers").resolve(id).resolve("status"), text);
    }

    private static long startTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19]);
    }

    private void awaitNoProcesses() throws Exception {
        for (int i = 0; i < 100 && !Leftovers.processes(root).isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(Leftovers.processes(root)).isEmpty();
    }
}
