package io.minicontainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.engine.ContainerFixture;
import io.minicontainer.engine.ContainerLayout;
import io.minicontainer.engine.FakeCgroups;
import io.minicontainer.engine.FakeCgroups.FakeCgroup;
import io.minicontainer.engine.HostResources;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** update, pause and unpause as commands: what they print, their exit codes, what they change. */
class ResourceCommandsTest {
    @TempDir
    Path root;
    private ContainerLayout layout;
    private ContainerFixture fixture;
    private final FakeCgroups cgroups = new FakeCgroups();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Context context;

    @BeforeEach
    void setUp() {
        layout = new ContainerLayout(root, root.resolve("run"));
        fixture = new ContainerFixture(layout);
        context = new Context(layout, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int run(Command command, String... args) {
        ParsedArgs parsed;
        try {
            parsed = new ArgParser(command.flags()).parse(List.of(args));
        } catch (CliException e) {
            throw new CliException(e.getMessage());
        }
        return command.run(parsed, context);
    }

    private int update(String... args) {
        return run(new UpdateCommand(c -> cgroups), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private HostResources recorded(String name) {
        return HostResources.of(layout.containers().find(name).record());
    }

    @Test
    void updatePrintsEachContainerAsGivenAndRecordsTheChange() {
        fixture.exited("a", Map.of());
        String b = fixture.exited("b", Map.of());

        assertThat(update("-c", "512", "--pids-limit=64", "a", b.substring(0, 12))).isZero();

        assertThat(out()).isEqualTo("a\n" + b.substring(0, 12) + "\n");
        assertThat(recorded("a").cpuShares()).isEqualTo(512);
        assertThat(recorded("b").pidsLimit()).hasValue(64);
    }

    @Test
    void updateAppliesToARunningContainersCgroup() {
        String id = fixture.running("web", Map.of());
        FakeCgroup cgroup = cgroups.add(id);

        assertThat(update("--cpus", "0.5", "--memory-swap", "-1", "-m", "64m", "web")).isZero();

        assertThat(cgroup.limitsSet).hasSize(1);
        assertThat(cgroup.limitsSet.getFirst().cpuQuotaMicros()).hasValue(50_000);
        assertThat(cgroup.limitsSet.getFirst().memory()).hasValue(64L << 20);
        assertThat(recorded("web").memorySwap()).isEqualTo(-1);
    }

    @Test
    void updateFailuresAreOneLineEachAndExitOne() {
        String id = fixture.exited("a", Map.of());

        assertThat(update("-m", "1m", "a", "nope")).isEqualTo(1);

        assertThat(err()).isEqualTo("minicontainer: Minimum memory limit allowed is 6MB\n"
                + "minicontainer: no such container: nope\n");
        assertThat(out()).isEmpty();
        assertThat(update("-m", "64m", "a")).isEqualTo(1);
        assertThat(err()).endsWith("minicontainer: Cannot update container " + id
                + ": Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time\n");
    }

    @Test
    void updateNeedsAFlagAndAContainer() {
        fixture.exited("a", Map.of());

        assertThatThrownBy(() -> update("a")).isInstanceOf(CliException.class)
                .hasMessage("you must provide one or more flags when using this command");
        assertThatThrownBy(() -> update("-m", "64m")).hasMessage("\"update\" requires at least 1 argument");
        assertThatThrownBy(() -> update("-m", "lots", "a")).hasMessage(
                "invalid argument \"lots\" for \"-m, --memory\" flag: invalid size: 'lots' (see 'minicontainer update --help')");
        assertThat(recorded("a")).isEqualTo(HostResources.none());
    }

    @Test
    void pauseAndUnpausePrintTheirArguments() {
        String id = fixture.running("web", Map.of());
        FakeCgroup cgroup = cgroups.add(id);

        assertThat(run(PauseCommand.pause(c -> cgroups), "web")).isZero();
        assertThat(cgroup.frozen()).isTrue();
        assertThat(run(PauseCommand.unpause(c -> cgroups), "web")).isZero();
        assertThat(cgroup.frozen()).isFalse();
        assertThat(out()).isEqualTo("web\nweb\n");
    }

    @Test
    void pauseAndUnpauseReportEachFailure() {
        String web = fixture.running("web", Map.of());
        String done = fixture.exited("done", Map.of());
        cgroups.add(web).freeze();

        assertThat(run(PauseCommand.pause(c -> cgroups), "web", "done", "nope")).isEqualTo(1);
        assertThat(err()).isEqualTo("minicontainer: container " + web + " is already paused\n"
                + "minicontainer: container " + done + " is not running\n"
                + "minicontainer: no such container: nope\n");
        err.reset();
        assertThat(run(PauseCommand.unpause(c -> cgroups), "done", "web")).isEqualTo(1);
        assertThat(err()).isEqualTo("minicontainer: Container " + done + " is not paused\n");
        assertThat(out()).isEqualTo("web\n");
    }

    @Test
    void pauseNeedsAContainer() {
        assertThatThrownBy(() -> run(PauseCommand.pause(c -> cgroups))).hasMessage("\"pause\" requires at least 1 argument");
        assertThatThrownBy(() -> run(PauseCommand.unpause(c -> cgroups)))
                .hasMessage("\"unpause\" requires at least 1 argument");
    }

    @Test
    void cgroupFailuresAreReportedPerContainer() {
        String id = fixture.running("web", Map.of());
        cgroups.add(id).failWith("write cpu.weight: Invalid argument");

        assertThat(update("-c", "2", "web")).isEqualTo(1);
        assertThat(err()).isEqualTo("minicontainer: Cannot update container " + id + ": write cpu.weight: Invalid argument\n");
    }
}
