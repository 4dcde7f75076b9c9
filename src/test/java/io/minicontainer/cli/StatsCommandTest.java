package io.minicontainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.cgroups.CgroupStats;
import io.minicontainer.engine.ContainerCgroups;
import io.minicontainer.engine.ContainerFixture;
import io.minicontainer.engine.ContainerLayout;
import io.minicontainer.engine.FakeCgroups;
import io.minicontainer.engine.HostCpus;
import io.minicontainer.engine.NetDev;
import io.minicontainer.engine.StatsSampler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stats as a command, with cgroups in memory and a clock that moves one second per sample. */
class StatsCommandTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String HEADER =
            "CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT     MEM %     NET I/O        BLOCK I/O    PIDS\n";

    @TempDir
    Path root;
    private ContainerLayout layout;
    private ContainerFixture fixture;
    private final FakeCgroups cgroups = new FakeCgroups();
    private final AtomicLong clock = new AtomicLong();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Context context;
    private Runnable onSample = () -> { };

    @BeforeEach
    void setUp() {
        layout = new ContainerLayout(root, root.resolve("run"));
        fixture = new ContainerFixture(layout);
        context = new Context(layout, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int stats(String... args) {
        StatsCommand command = new StatsCommand(c -> new StatsSampler(new ContainerCgroups(cgroups),
                pid -> Optional.of(new NetDev(1200, 648)), () -> {
                    onSample.run();
                    return clock.getAndAdd(SECOND);
                }), Duration.ZERO, () -> new HostCpus(4, "0-3"));
        return command.run(new ArgParser(command.flags()).parse(List.of(args)), context);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Busy half a CPU between its two samples, 1.434MiB of 7.667GiB, 3 tasks. */
    private String busyContainer(String name) {
        String id = fixture.running(name, Map.of("NetworkMode", "none"));
        cgroups.add(id).withStats(new CgroupStats(SECOND, 1_503_238, 8_232_370_176L, 3, 4_096_000, 0),
                new CgroupStats(SECOND + SECOND / 2, 1_503_238, 8_232_370_176L, 3, 4_096_000, 0));
        return id;
    }

    @Test
    void noStreamPrintsOneTableOfTheRunningContainers() {
        String id = busyContainer("web");
        fixture.exited("done", Map.of());

        assertThat(stats("--no-stream")).isZero();

        assertThat(out()).isEqualTo(HEADER
                + id.substring(0, 12) + "   web       50.00%    1.434MiB / 7.667GiB   0.02%     1.2kB / 648B   4.1MB / 0B   3\n");
    }

    @Test
    void allAddsStoppedContainersWithZeros() {
        busyContainer("web");
        String done = fixture.exited("done", Map.of());

        assertThat(stats("--no-stream", "-a", "--no-trunc", "--format", "{{.ID}} {{.Name}} {{.CPUPerc}} {{.MemUsage}}"))
                .isZero();

        assertThat(out()).contains(done + " done 0.00% 0B / 0B\n").contains(" web 50.00% 1.434MiB / 7.667GiB\n");
    }

    @Test
    void namedContainersKeepTheirGivenNamesAndOrder() {
        busyContainer("web");
        fixture.exited("done", Map.of());

        assertThat(stats("--no-stream", "--format", "{{.Container}}: {{.PIDs}} {{.NetIO}}", "done", "web")).isZero();

        assertThat(out()).isEqualTo("done: 0 0B / 0B\nweb: 3 1.2kB / 648B\n");
    }

    @Test
    void jsonIsOneObjectPerContainer() {
        String id = busyContainer("web");

        assertThat(stats("--no-stream", "--format", "json", "web")).isZero();

        assertThat(out()).isEqualTo("{\"BlockIO\":\"4.1MB / 0B\",\"CPUPerc\":\"50.00%\",\"Container\":\"web\",\"ID\":\""
                + id.substring(0, 12) + "\",\"MemPerc\":\"0.02%\",\"MemUsage\":\"1.434MiB / 7.667GiB\",\"Name\":\"web\","
                + "\"NetIO\":\"1.2kB / 648B\",\"PIDs\":\"3\"}\n");
    }

    @Test
    void unknownContainersAreRefusedBeforeAnythingIsPrinted() {
        busyContainer("web");

        assertThat(stats("--no-stream", "web", "nope", "gone")).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("minicontainer: no such container: nope\nminicontainer: no such container: gone\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void noStreamWithoutContainersPrintsNothingAsDocker() {
        assertThat(stats("--no-stream")).isZero();
        assertThat(out()).isEmpty();
    }

    @Test
    void aCgroupThatCannotBeReadShowsDashes() {
        String id = fixture.running("web", Map.of());
        cgroups.add(id).failWith("read memory.current: No such file or directory");

        assertThat(stats("--no-stream", "--format", "{{.CPUPerc}} {{.MemUsage}} {{.PIDs}}")).isZero();

        assertThat(out()).isEqualTo("-- -- / -- --\n");
    }

    @Test
    void streamingPrintsABlockPerRefreshUntilTheNamedContainersAreGone() {
        String id = busyContainer("web");
        AtomicLong samples = new AtomicLong();
        onSample = () -> {
            if (samples.incrementAndGet() == 3) {
                layout.containers().remove(id, "web");
            }
        };

        assertThat(stats("--format", "{{.Name}} {{.CPUPerc}}", "web")).isZero();

        assertThat(out()).isEqualTo("web 50.00%\nweb 0.00%\n");
    }
}
