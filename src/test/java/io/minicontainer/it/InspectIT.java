package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ps, inspect and logs on real containers. */
class InspectIT extends ContainerTest {

    @Test
    void psListsRunningContainersAndWithAllTheExitedOnes() {
        String up = run("-d", "--name", "up", "sleep", "60").stdout().strip();
        run("--name", "down", "sh", "-c", "exit 3");
        String ps = cli.run("ps").stdout();
        assertThat(ps.lines().toList()).hasSize(2);
        assertThat(ps).startsWith("CONTAINER ID   IMAGE").contains(up.substring(0, 12), "\"sleep 60\"", "Up ", "up")
                .doesNotContain("down");
        String all = cli.run("ps", "-a").stdout();
        assertThat(all.lines().toList()).hasSize(3);
        assertThat(all).contains("Exited (3) ", "down");
        assertThat(cli.run("ps", "-q", "--no-trunc").stdout()).isEqualTo(up + "\n");
        assertThat(cli.run("ps", "-a", "-f", "status=exited", "--format", "{{.Names}}:{{.State}}").stdout())
                .isEqualTo("down:exited\n");
        assertThat(cli.run("ps", "-a", "-f", "name=^up$", "--format", "{{.ID}}").stdout()).isEqualTo(up.substring(0, 12) + "\n");
        assertThat(cli.run("ps", "-a", "-f", "id=" + up.substring(0, 5), "-q").stdout()).isEqualTo(up.substring(0, 12) + "\n");
        String json = cli.run("ps", "--format", "json").stdout();
        assertThat(Json.parse(json.strip())).isInstanceOf(Map.class);
        assertThat(json).contains("\"Names\":\"up\"", "\"State\":\"running\"");
        Cli.Result bad = cli.run("ps", "-f", "colour=red");
        assertThat(bad.exitCode()).isEqualTo(125);
        assertThat(bad.stderr()).startsWith("minicontainer: ").hasLineCount(1);
        cli.run("rm", "-f", "up", "down");
    }

    @Test
    void inspectShowsDockersShapeAndTemplates() {
        String id = run("-d", "--name", "seen", "-e", "COLOUR=blue", "-w", "/tmp", "sleep", "60").stdout().strip();
        String pid = cli.run("inspect", "-f", "{{.State.Pid}}", "seen").stdout().strip();
        assertThat(Long.parseLong(pid)).isPositive();
        assertThat(ProcessHandle.of(Long.parseLong(pid)).flatMap(p -> p.info().arguments()).orElseThrow()).contains("60");
        List<?> documents = (List<?>) Json.parse(cli.run("inspect", "seen").stdout());
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) documents.getFirst();
        assertThat(doc.get("Id")).isEqualTo(id);
        assertThat(doc.get("Name")).isEqualTo("/seen");
        assertThat(doc.get("Path")).isEqualTo("sleep");
        assertThat(doc.get("Args")).isEqualTo(List.of("60"));
        Map<?, ?> state = (Map<?, ?>) doc.get("State");
        assertThat(state.get("Status")).isEqualTo("running");
        assertThat(state.get("Running")).isEqualTo(true);
        assertThat(state.get("FinishedAt")).isEqualTo("0001-01-01T00:00:00Z");
        Map<?, ?> config = (Map<?, ?>) doc.get("Config");
        assertThat(config.get("Env").toString()).contains("COLOUR=blue");
        assertThat(config.get("WorkingDir")).isEqualTo("/tmp");
        assertThat(config.get("Hostname")).isEqualTo(id.substring(0, 12));
        assertThat(doc).containsKeys("Created", "HostConfig", "Mounts", "NetworkSettings", "LogPath");
        cli.run("stop", "-t", "0", "seen");
        assertThat(cli.run("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}} {{.State.Running}}", id.substring(0, 8))
                .stdout()).isEqualTo("exited 137 false\n");
        Cli.Result missing = cli.run("inspect", "seen", "nothing-here");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).isEqualTo("minicontainer: no such object: nothing-here\n");
        cli.run("rm", "seen");
    }

    @Test
    void logsSeparateTheStreamsAndHonourTailSinceAndTimestamps() {
        run("--name", "talker", "sh", "-c", "echo out1; echo err1 >&2; sleep 0.2; echo out2; printf partial");
        Cli.Result logs = cli.run("logs", "talker");
        // Cli collects stdout line by line: the last, unterminated "partial" reads as a line
        assertThat(logs).isEqualTo(new Cli.Result(0, "out1\nout2\npartial\n", "err1\n"));
        assertThat(cli.run("logs", "--tail", "1", "talker").stdout()).isEqualTo("partial\n");
        assertThat(cli.run("logs", "-t", "talker").stdout()).matches(
                "(?s)\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z out1\n.*");
        assertThat(cli.run("logs", "--since", "1m", "talker").stdout()).startsWith("out1");
        assertThat(cli.run("logs", "--since", "2099-01-01T00:00:00Z", "talker").stdout()).isEmpty();
        assertThat(cli.run("logs", "--since", "yesterday-ish", "talker").exitCode()).isEqualTo(125);
        assertThat(cli.run("logs", "nobody")).isEqualTo(new Cli.Result(125, "", "minicontainer: no such container: nobody\n"));
        cli.run("rm", "talker");
    }

    @Test
    void logsFollowUntilTheContainerExits() {
        run("-d", "--name", "ticker", "sh", "-c", "for i in 1 2 3; do echo tick $i; sleep 0.2; done");
        Cli.Result followed = cli.run("logs", "-f", "ticker");
        assertThat(followed.stdout()).isEqualTo("tick 1\ntick 2\ntick 3\n");
        cli.run("rm", "ticker");
    }

    private Cli.Result run(String... flagsThenCommand) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--rootfs", rootfs.toString()));
        args.addAll(List.of(flagsThenCommand));
        Cli.Result result = cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.stderr()).isIn(0, 3);
        return result;
    }
}
