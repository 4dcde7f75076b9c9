package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.cgroups.Limits;
import io.minicontainer.json.Json;
import io.minicontainer.runtime.LaunchOptions;
import io.minicontainer.state.ContainerRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Resources as docker records them: into cgroup limits, into and out of container.json, merged by update. */
class HostResourcesTest {
    private static final HostCpus FOUR = new HostCpus(4, "0-3");

    private static HostResources run(Map<String, String> flags) {
        return ResourceFlags.forRun(flags, FOUR);
    }

    private static HostResources update(Map<String, String> flags) {
        return ResourceFlags.forUpdate(flags);
    }

    @Test
    void noneSetsNoLimit() {
        assertThat(HostResources.none().limits()).isEqualTo(Limits.none());
    }

    @Test
    void cpusBecomeAQuotaPerHundredMilliseconds() {
        Limits limits = run(Map.of("cpus", "1.5")).limits();

        assertThat(limits.cpuQuotaMicros()).hasValue(150_000);
        assertThat(limits.cpuPeriodMicros()).isEqualTo(100_000);
        assertThat(run(Map.of("cpus", "0.01")).limits().cpuQuotaMicros()).hasValue(1000);
    }

    @Test
    void periodAndQuotaGoThroughAsGiven() {
        Limits limits = run(Map.of("cpu-period", "50000", "cpu-quota", "25000")).limits();

        assertThat(limits.cpuPeriodMicros()).isEqualTo(50_000);
        assertThat(limits.cpuQuotaMicros()).hasValue(25_000);
        assertThat(run(Map.of("cpu-quota", "-1")).limits().cpuQuotaMicros()).hasValue(-1);
    }

    @Test
    void everyLimitReachesTheKernelsUnits() {
        Limits limits = run(Map.of("memory", "64m", "memory-reservation", "32m", "cpu-shares", "512",
                "cpuset-cpus", "0,2", "pids-limit", "50")).limits();

        assertThat(limits).isEqualTo(new Limits(OptionalLong.of(64L << 20), OptionalLong.of(128L << 20),
                OptionalLong.of(32L << 20), OptionalLong.empty(), 100_000, OptionalLong.of(512), Optional.of("0,2"),
                OptionalLong.of(50)));
    }

    @Test
    void unlimitedSwapAndPidsAreMinusOne() {
        assertThat(run(Map.of("memory", "64m", "memory-swap", "-1")).limits().memorySwap()).hasValue(-1);
        HostResources unlimitedPids = HostResources.none().updatedWith(update(Map.of("pids-limit", "-1")));
        assertThat(unlimitedPids.limits().pids()).hasValue(-1);
    }

    @Test
    void hostConfigUsesDockersNamesAndNullForNoPidsLimit() {
        Map<String, Object> host = run(Map.of("memory", "64m", "cpus", "2")).hostConfig();

        assertThat(host).containsEntry("Memory", 64L << 20).containsEntry("MemorySwap", 128L << 20)
                .containsEntry("NanoCpus", 2_000_000_000L).containsEntry("CpuShares", 0L).containsEntry("CpuPeriod", 0L)
                .containsEntry("CpuQuota", 0L).containsEntry("CpusetCpus", "").containsEntry("MemoryReservation", 0L)
                .containsEntry("PidsLimit", null);
    }

    @Test
    void aRecordGivesItsResourcesBackThroughItsJson() {
        HostResources resources = run(Map.of("memory", "1g", "memory-reservation", "512m", "cpu-shares", "100",
                "cpuset-cpus", "1-2", "pids-limit", "64", "cpu-period", "20000", "cpu-quota", "10000"));
        ContainerRecord record = ContainerJson.withResources(record(Map.of("NetworkMode", "none")), resources);

        ContainerRecord reread = new ContainerRecord(asMap(Json.parse(Json.writePretty(record.json()))));

        assertThat(HostResources.of(reread)).isEqualTo(resources);
        assertThat(asMap(reread.json().get("HostConfig"))).containsEntry("NetworkMode", "none");
    }

    @Test
    void aNewContainersRecordHoldsItsRequestsResources() {
        HostResources resources = run(Map.of("memory", "64m", "cpus", "0.5", "pids-limit", "10"));
        RunRequest request = new RunRequest(Optional.of(Path.of("/rootfs")), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                false, false, true, List.of(), List.of(), RunRequest.NetworkMode.NONE, false, List.of("sh"), List.of(),
                resources);

        ContainerRecord record = ContainerJson.of(new ContainerJson.Facts("ab".repeat(32), "web", Instant.EPOCH, request,
                RootFilesystem.directory(Path.of("/rootfs")),
                new ImageRunConfig.Process(List.of("sh"), List.of(), "/", 0, 0, List.of()), "web",
                LaunchOptions.LogLimits.UNLIMITED, "/log", List.of(), java.util.Optional.empty()));

        assertThat(HostResources.of(record)).isEqualTo(resources);
        assertThat(asMap(record.json().get("HostConfig"))).containsEntry("NetworkMode", "none")
                .containsEntry("Memory", 64L << 20).containsEntry("PidsLimit", 10L);
    }

    @Test
    void aRequestWithoutResourcesHasNone() {
        RunRequest request = new RunRequest(Optional.of(Path.of("/rootfs")), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                false, false, true, List.of(), List.of(), RunRequest.NetworkMode.NONE, false, List.of("sh"), List.of());

        assertThat(request.resources()).isEqualTo(HostResources.none());
    }

    @Test
    void aRecordWithoutResourcesHasNone() {
        assertThat(HostResources.of(record(Map.of("NetworkMode", "host")))).isEqualTo(HostResources.none());
        assertThat(HostResources.of(new ContainerRecord(Map.of("Id", "x")))).isEqualTo(HostResources.none());
    }

    @Test
    void anUpdateReplacesWhatItSetsAndKeepsTheRest() {
        HostResources current = run(Map.of("memory", "64m", "cpu-shares", "100", "cpuset-cpus", "0", "pids-limit", "10"));

        HostResources updated = current.updatedWith(update(Map.of("cpu-shares", "200", "memory-swap", "-1")));

        assertThat(updated).isEqualTo(new HostResources(64L << 20, -1, 0, 0, 200, 0, 0, "0", OptionalLong.of(10)));
        assertThat(current.updatedWith(update(Map.of("cpuset-cpus", "1", "pids-limit", "-1"))))
                .extracting(HostResources::cpusetCpus, HostResources::pidsLimit).containsExactly("1", OptionalLong.of(0));
    }

    @Test
    void memoryAboveTheRecordedSwapNeedsTheSwapToo() {
        HostResources current = run(Map.of("memory", "64m"));

        assertThatThrownBy(() -> current.updatedWith(update(Map.of("memory", "256m"))))
                .hasMessage("Memory limit should be smaller than already set memoryswap limit,"
                        + " update the memoryswap at the same time");
        assertThat(current.updatedWith(update(Map.of("memory", "100m"))).memory()).isEqualTo(100L << 20);
        assertThat(current.updatedWith(update(Map.of("memory", "256m", "memory-swap", "512m"))).memorySwap())
                .isEqualTo(512L << 20);
    }

    @Test
    void aMemoryLimitOnAContainerWithoutOneNeedsTheSwapTooAsInDocker() {
        assertThatThrownBy(() -> HostResources.none().updatedWith(update(Map.of("memory", "64m"))))
                .hasMessageStartingWith("Memory limit should be smaller than already set memoryswap limit");
        assertThat(HostResources.none().updatedWith(update(Map.of("memory", "64m", "memory-swap", "-1"))).memory())
                .isEqualTo(64L << 20);
    }

    @Test
    void cpusAndPeriodOrQuotaExcludeEachOtherAcrossAnUpdate() {
        HostResources withCpus = run(Map.of("cpus", "1"));
        HostResources withPeriod = run(Map.of("cpu-period", "50000"));
        HostResources withQuota = run(Map.of("cpu-quota", "50000"));

        assertThatThrownBy(() -> withPeriod.updatedWith(update(Map.of("cpus", "1"))))
                .hasMessage("Conflicting options: Nano CPUs cannot be updated as CPU Period has already been set");
        assertThatThrownBy(() -> withQuota.updatedWith(update(Map.of("cpus", "1"))))
                .hasMessage("Conflicting options: Nano CPUs cannot be updated as CPU Quota has already been set");
        assertThatThrownBy(() -> withCpus.updatedWith(update(Map.of("cpu-period", "50000"))))
                .hasMessage("Conflicting options: CPU Period cannot be updated as NanoCPUs has already been set");
        assertThatThrownBy(() -> withCpus.updatedWith(update(Map.of("cpu-quota", "50000"))))
                .hasMessage("Conflicting options: CPU Quota cannot be updated as NanoCPUs has already been set");
        assertThat(withCpus.updatedWith(update(Map.of("cpus", "2"))).nanoCpus()).isEqualTo(2_000_000_000L);
    }

    private static ContainerRecord record(Map<String, Object> hostConfig) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Id", "ab".repeat(32));
        json.put("HostConfig", hostConfig);
        return new ContainerRecord(json);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object json) {
        return (Map<String, Object>) json;
    }
}
