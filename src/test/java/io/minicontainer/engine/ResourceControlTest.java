package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.engine.FakeCgroups.FakeCgroup;
import io.minicontainer.state.Container;
import io.minicontainer.state.StateException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** update, pause and unpause against containers on disk and cgroups in memory. */
class ResourceControlTest {
    @TempDir
    Path root;
    private ContainerLayout layout;
    private ContainerFixture fixture;
    private final FakeCgroups cgroups = new FakeCgroups();
    private ResourceControl control;

    @BeforeEach
    void setUp() {
        layout = new ContainerLayout(root, root.resolve("run"));
        fixture = new ContainerFixture(layout);
        control = new ResourceControl(layout.containers(), new ContainerCgroups(cgroups), new HostCpus(2, "0-1"));
    }

    private Container find(String ref) {
        return layout.containers().find(ref);
    }

    private HostResources recorded(String ref) {
        return HostResources.of(find(ref).record());
    }

    @Test
    void aStoppedContainerGetsItsRecordRewrittenAndNoCgroupIsTouched() {
        fixture.exited("done", Map.of("NetworkMode", "none", "Memory", 64L << 20, "MemorySwap", 128L << 20));

        control.update(find("done"), ResourceFlags.forUpdate(Map.of("cpus", "0.5", "pids-limit", "20")));

        assertThat(recorded("done")).isEqualTo(new HostResources(64L << 20, 128L << 20, 0, 500_000_000L, 0, 0, 0, "",
                java.util.OptionalLong.of(20)));
        assertThat(find("done").record().json().get("HostConfig")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("NetworkMode", "none");
    }

    @Test
    void aRunningContainerGetsTheMergedLimitsInItsCgroupAndItsRecord() {
        String id = fixture.running("web", Map.of("Memory", 64L << 20, "MemorySwap", 128L << 20, "CpuShares", 100L));
        FakeCgroup cgroup = cgroups.add(id);

        control.update(find("web"), ResourceFlags.forUpdate(Map.of("cpu-shares", "512")));

        HostResources merged = new HostResources(64L << 20, 128L << 20, 0, 0, 512, 0, 0, "", java.util.OptionalLong.empty());
        assertThat(cgroup.limitsSet).containsExactly(merged.limits());
        assertThat(recorded("web")).isEqualTo(merged);
    }

    @Test
    void aChangeTheKernelRefusesLeavesTheRecordAsItWas() {
        String id = fixture.running("web", Map.of());
        cgroups.add(id).failWith("write cpu.max: Invalid argument");

        assertThatThrownBy(() -> control.update(find("web"), ResourceFlags.forUpdate(Map.of("cpu-shares", "512"))))
                .isInstanceOf(EngineException.class)
                .hasMessage("Cannot update container " + id + ": write cpu.max: Invalid argument");
        assertThat(recorded("web")).isEqualTo(HostResources.none());
    }

    @Test
    void aRunningContainerWithoutACgroupCannotBeUpdated() {
        String id = fixture.running("web", Map.of());

        assertThatThrownBy(() -> control.update(find("web"), ResourceFlags.forUpdate(Map.of("cpu-shares", "512"))))
                .hasMessage("Cannot update container " + id + ": the container has no cgroup");
    }

    @Test
    void conflictsWithTheRecordAreWrappedAsDockerWrapsThem() {
        String id = fixture.exited("done", Map.of("NanoCpus", 1_000_000_000L));

        assertThatThrownBy(() -> control.update(find("done"), ResourceFlags.forUpdate(Map.of("cpu-period", "50000"))))
                .hasMessage("Cannot update container " + id
                        + ": Conflicting options: CPU Period cannot be updated as NanoCPUs has already been set");
    }

    @Test
    void theChecksComeBeforeAnything() {
        fixture.exited("done", Map.of());

        assertThatThrownBy(() -> control.update(find("done"), ResourceFlags.forUpdate(Map.of("cpus", "3"))))
                .hasMessage("range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available");
        assertThatThrownBy(() -> control.update(find("done"), ResourceFlags.forUpdate(Map.of("memory", "1m"))))
                .hasMessage("Minimum memory limit allowed is 6MB");
    }

    @Test
    void pauseFreezesAndUnpauseThaws() {
        String id = fixture.running("web", Map.of());
        FakeCgroup cgroup = cgroups.add(id);

        control.pause(find("web"));
        assertThat(cgroup.frozen()).isTrue();
        assertThat(control.paused(find("web"))).isTrue();

        control.unpause(find("web"));
        assertThat(cgroup.frozen()).isFalse();
        assertThat(control.paused(find("web"))).isFalse();
    }

    @Test
    void pauseTwiceSaysAlreadyPaused() {
        String id = fixture.running("web", Map.of());
        cgroups.add(id);
        control.pause(find("web"));

        assertThatThrownBy(() -> control.pause(find("web"))).isInstanceOf(EngineException.class)
                .hasMessage("container " + id + " is already paused");
    }

    @Test
    void aStoppedContainerCannotBePausedNorUnpaused() {
        String id = fixture.exited("done", Map.of());

        assertThatThrownBy(() -> control.pause(find("done"))).isInstanceOf(StateException.class)
                .hasMessage("container " + id + " is not running");
        assertThatThrownBy(() -> control.unpause(find("done"))).hasMessage("Container " + id + " is not paused");
    }

    @Test
    void unpausingARunningContainerThatIsNotPausedIsRefused() {
        String id = fixture.running("web", Map.of());
        cgroups.add(id);

        assertThatThrownBy(() -> control.unpause(find("web"))).hasMessage("Container " + id + " is not paused");
    }

    @Test
    void freezerFailuresAreWorded() {
        String id = fixture.running("web", Map.of());
        FakeCgroup cgroup = cgroups.add(id).failWith("write cgroup.freeze: Device or resource busy");

        assertThatThrownBy(() -> control.pause(find("web")))
                .hasMessage("cannot pause container " + id + ": write cgroup.freeze: Device or resource busy");
        assertThat(cgroup.frozen()).isFalse();
        assertThat(control.paused(find("web"))).isFalse();
    }

    @Test
    void thawFailuresAreWorded() {
        String id = fixture.running("web", Map.of());
        FakeCgroup cgroup = cgroups.add(id);
        cgroup.freeze();
        cgroup.failWith("write cgroup.freeze: No such device");

        assertThatThrownBy(() -> control.unpause(find("web")))
                .hasMessage("Cannot unpause container " + id + ": write cgroup.freeze: No such device");
    }
}
