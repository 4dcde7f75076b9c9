package io.minicontainer.cgroups;

import static io.minicontainer.cgroups.TestLimits.limits;
import static io.minicontainer.cgroups.V2Fixture.read;
import static io.minicontainer.cgroups.V2Fixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cgroup v1 cgroup's limits and stats against files laid out as the kernel would (CgroupV1IT does it for real). */
class CgroupV1Test {
    private static final long MIB = 1024 * 1024;
    private static final String UNLIMITED = "9223372036854771712\n";

    @TempDir
    Path root;
    private final Map<String, Path> dirs = new LinkedHashMap<>();

    @BeforeEach
    void aCgroupInEachHierarchy() throws IOException {
        dir("memory", Map.of("memory.limit_in_bytes", UNLIMITED, "memory.memsw.limit_in_bytes", UNLIMITED,
                "memory.soft_limit_in_bytes", UNLIMITED, "memory.usage_in_bytes", "0\n", "memory.stat", "",
                "memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n"));
        dir("cpu,cpuacct", Map.of("cpu.cfs_period_us", "100000\n", "cpu.cfs_quota_us", "-1\n", "cpu.shares", "1024\n",
                "cpuacct.usage", "0\n"));
        dirs.put("cpuacct", dirs.get("cpu,cpuacct"));
        dirs.put("cpu", dirs.remove("cpu,cpuacct"));
        dir("cpuset", Map.of("cpuset.cpus", "0-1\n", "cpuset.mems", "0\n"));
        dir("pids", Map.of("pids.max", "max\n", "pids.current", "0\n"));
        dir("freezer", Map.of("freezer.state", "THAWED\n"));
        dir("blkio", Map.of("blkio.throttle.io_service_bytes_recursive", "Total 0\n"));
    }

    private void dir(String controller, Map<String, String> files) throws IOException {
        Path dir = Files.createDirectories(root.resolve(controller).resolve("mc-test/abc"));
        files.forEach((name, text) -> write(dir.resolve(name), text));
        write(dir.resolve("cgroup.procs"), "");
        dirs.put(controller, dir);
    }

    private Cgroup cgroup() {
        return new CgroupV1(dirs, V2Fixture.SHORT);
    }

    @Test
    void oneDirectoryPerHierarchyCoMountedControllersShareOne() {
        assertThat(cgroup().directories()).hasSize(6).contains(root.resolve("cpu,cpuacct/mc-test/abc"));
        assertThat(cgroup().procsFiles()).hasSize(6).allMatch(file -> file.endsWith("cgroup.procs"));
        assertThat(cgroup().oomEventsFile()).contains(root.resolve("memory/mc-test/abc/memory.oom_control"));
    }

    @Test
    void everyLimitIsWrittenToItsControllersFile() {
        cgroup().setLimits(limits().memory(64 * MIB).memorySwap(96 * MIB).memoryReservation(32 * MIB).cpuQuota(50_000)
                .cpuPeriod(200_000).cpuShares(512).cpusetCpus("1").pids(100).build());

        assertThat(read(dirs.get("memory").resolve("memory.limit_in_bytes"))).isEqualTo(Long.toString(64 * MIB));
        assertThat(read(dirs.get("memory").resolve("memory.memsw.limit_in_bytes"))).isEqualTo(Long.toString(96 * MIB));
        assertThat(read(dirs.get("memory").resolve("memory.soft_limit_in_bytes"))).isEqualTo(Long.toString(32 * MIB));
        assertThat(read(dirs.get("cpu").resolve("cpu.cfs_period_us"))).isEqualTo("200000");
        assertThat(read(dirs.get("cpu").resolve("cpu.cfs_quota_us"))).isEqualTo("50000");
        assertThat(read(dirs.get("cpu").resolve("cpu.shares"))).isEqualTo("512");
        assertThat(read(dirs.get("cpuset").resolve("cpuset.cpus"))).isEqualTo("1");
        assertThat(read(dirs.get("pids").resolve("pids.max"))).isEqualTo("100");
    }

    @Test
    void unlimitedIsMinusOneAndMaxForPids() {
        cgroup().setLimits(limits().memory(64 * MIB).memorySwap(-1).pids(0).cpuQuota(-1).build());

        assertThat(read(dirs.get("memory").resolve("memory.memsw.limit_in_bytes"))).isEqualTo("-1");
        assertThat(read(dirs.get("pids").resolve("pids.max"))).isEqualTo("max");
        assertThat(read(dirs.get("cpu").resolve("cpu.cfs_quota_us"))).isEqualTo("-1");
    }

    @Test
    void swapWithoutSwapAccountingIsDockersErrorAndNothingIsWritten() throws IOException {
        Files.delete(dirs.get("memory").resolve("memory.memsw.limit_in_bytes"));

        assertThatThrownBy(() -> cgroup().setLimits(limits().memory(64 * MIB).memorySwap(128 * MIB).build()))
                .isInstanceOf(CgroupException.class).hasMessage(V1Limits.NO_SWAP_LIMIT);
        assertThat(read(dirs.get("memory").resolve("memory.limit_in_bytes"))).isEqualTo(UNLIMITED);
    }

    @Test
    void swapBelowMemoryIsRefusedBeforeAnyWrite() {
        assertThatThrownBy(() -> cgroup().setLimits(limits().memory(64 * MIB).memorySwap(32 * MIB).build()))
                .isInstanceOf(CgroupException.class).hasMessageContaining("less than the memory limit");
        assertThat(read(dirs.get("memory").resolve("memory.limit_in_bytes"))).isEqualTo(UNLIMITED);
    }

    @Test
    void aLimitWhoseControllerIsNotMountedIsAnError() {
        dirs.remove("pids");

        assertThatThrownBy(() -> cgroup().setLimits(limits().memory(64 * MIB).pids(10).build()))
                .isInstanceOf(CgroupException.class)
                .hasMessage("cannot limit pids: the pids cgroup controller is not mounted");
        assertThat(read(dirs.get("memory").resolve("memory.limit_in_bytes"))).isEqualTo(UNLIMITED);
    }

    @Test
    void statsAreReadAsDockerShowsThem() {
        write(dirs.get("cpu").resolve("cpuacct.usage"), "123456789\n");
        write(dirs.get("memory").resolve("memory.usage_in_bytes"), "10000\n");
        write(dirs.get("memory").resolve("memory.stat"), "cache 5000\ninactive_file 1\ntotal_inactive_file 4000\n");
        write(dirs.get("memory").resolve("memory.limit_in_bytes"), "67108864\n");
        write(dirs.get("pids").resolve("pids.current"), "2\n");
        write(dirs.get("blkio").resolve("blkio.throttle.io_service_bytes_recursive"), """
                8:0 Read 100
                8:0 Write 20
                8:0 Sync 120
                8:0 Async 0
                8:0 Discard 0
                8:0 Total 120
                8:16 Read 1000
                8:16 Write 200
                Total 1320
                """);

        assertThat(cgroup().stats()).isEqualTo(new CgroupStats(123_456_789, 6000, 64 * MIB, 2, 1100, 220));
    }

    @Test
    void anUnlimitedMemoryLimitShowsTheHostsMemory() {
        assertThat(cgroup().stats().memoryLimit()).isEqualTo(HostMemory.totalBytes()).isPositive();
    }

    @Test
    void blockIoFallsBackToTheSchedulersFile() throws IOException {
        Files.delete(dirs.get("blkio").resolve("blkio.throttle.io_service_bytes_recursive"));
        write(dirs.get("blkio").resolve("blkio.io_service_bytes_recursive"), "8:0 Read 7\n8:0 Write 9\nTotal 16\n");

        assertThat(cgroup().stats().blockRead()).isEqualTo(7);
        assertThat(cgroup().stats().blockWritten()).isEqualTo(9);
    }

    @Test
    void withoutAControllerItsFiguresAreMinusOne() {
        dirs.keySet().retainAll(java.util.Set.of("freezer"));

        assertThat(cgroup().stats()).isEqualTo(new CgroupStats(-1, -1, -1, -1, -1, -1));
        assertThat(cgroup().oomEventsFile()).isEmpty();
    }

    @Test
    void freezeAndThawWriteTheFreezerState() {
        Cgroup cgroup = cgroup();

        cgroup.freeze();
        assertThat(read(dirs.get("freezer").resolve("freezer.state"))).isEqualTo("FROZEN");
        assertThat(cgroup.frozen()).isTrue();

        cgroup.thaw();
        assertThat(read(dirs.get("freezer").resolve("freezer.state"))).isEqualTo("THAWED");
        assertThat(cgroup.frozen()).isFalse();
    }

    @Test
    void freezingWithoutAFreezerSaysSo() {
        dirs.remove("freezer");

        assertThatThrownBy(() -> cgroup().freeze()).isInstanceOf(CgroupException.class)
                .hasMessage("cannot freeze cgroup " + dirs.get("memory") + ": the freezer cgroup controller is not mounted");
    }
}
