package io.minicontainer.cgroups;

import static io.minicontainer.cgroups.TestLimits.limits;
import static io.minicontainer.cgroups.V2Fixture.read;
import static io.minicontainer.cgroups.V2Fixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating cgroups and writing limits on cgroup v2, against a directory laid out as the kernel would. */
class CgroupsV2Test {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path root;
    private V2Fixture fixture;
    private Cgroups cgroups;

    @BeforeEach
    void hostWithTheUsualControllers() {
        fixture = new V2Fixture(root, "cpuset cpu io memory hugetlb pids rdma misc");
        cgroups = fixture.cgroups("mc-test");
    }

    @Test
    void aCgroupGoesUnderTheParentAtTheRoot() {
        Cgroup cgroup = cgroups.create("abc", Limits.none());

        assertThat(cgroup.directories()).containsExactly(root.resolve("mc-test/abc"));
        assertThat(cgroup.procsFiles()).containsExactly(root.resolve("mc-test/abc/cgroup.procs"));
        assertThat(cgroup.oomEventsFile()).contains(root.resolve("mc-test/abc/memory.events"));
        assertThat(cgroups.mode()).isEqualTo(CgroupMode.V2);
    }

    @Test
    void withoutLimitsOnlyTheControllersStatsReadAreHandedDown() {
        cgroups.create("abc", Limits.none());

        assertThat(read(root.resolve("cgroup.subtree_control"))).isEqualTo("+io +memory +pids");
        assertThat(read(root.resolve("mc-test/cgroup.subtree_control"))).isEqualTo("+io +memory +pids");
        assertThat(read(root.resolve("mc-test/abc/memory.max"))).isEqualTo("max\n");
        assertThat(read(root.resolve("mc-test/abc/cpu.max"))).isEqualTo("max 100000\n");
    }

    @Test
    void controllersAlreadyEnabledAreNotWrittenAgain() {
        write(root.resolve("cgroup.subtree_control"), "cpu io memory pids\n");

        cgroups.create("abc", limits().cpuQuota(50_000).build());

        assertThat(read(root.resolve("cgroup.subtree_control"))).isEqualTo("cpu io memory pids\n");
        assertThat(read(root.resolve("mc-test/cgroup.subtree_control"))).isEqualTo("+cpu +io +memory +pids");
    }

    @Test
    void everyLimitIsWrittenInTheKernelsUnits() {
        Limits limits = limits().memory(64 * MIB).memorySwap(96 * MIB).memoryReservation(32 * MIB).cpuQuota(50_000)
                .cpuPeriod(200_000).cpuShares(1024).cpusetCpus("0-1").pids(100).build();

        cgroups.create("abc", limits);

        Path dir = root.resolve("mc-test/abc");
        assertThat(read(dir.resolve("memory.max"))).isEqualTo(Long.toString(64 * MIB));
        assertThat(read(dir.resolve("memory.swap.max"))).isEqualTo(Long.toString(32 * MIB));
        assertThat(read(dir.resolve("memory.low"))).isEqualTo(Long.toString(32 * MIB));
        assertThat(read(dir.resolve("cpu.max"))).isEqualTo("50000 200000");
        assertThat(read(dir.resolve("cpu.weight"))).isEqualTo("39");
        assertThat(read(dir.resolve("cpuset.cpus"))).isEqualTo("0-1");
        assertThat(read(dir.resolve("pids.max"))).isEqualTo("100");
        assertThat(read(root.resolve("mc-test/cgroup.subtree_control"))).isEqualTo("+cpu +cpuset +io +memory +pids");
    }

    @Test
    void dockersUnlimitedValuesAreMax() {
        cgroups.create("abc", limits().memory(64 * MIB).memorySwap(-1).pids(-1).cpuPeriod(50_000).build());

        Path dir = root.resolve("mc-test/abc");
        assertThat(read(dir.resolve("memory.swap.max"))).isEqualTo("max");
        assertThat(read(dir.resolve("pids.max"))).isEqualTo("max");
        assertThat(read(dir.resolve("cpu.max"))).isEqualTo("max 50000");
    }

    @Test
    void memorySwapEqualToMemoryMeansNoSwap() {
        cgroups.create("abc", limits().memory(64 * MIB).memorySwap(64 * MIB).build());

        assertThat(read(root.resolve("mc-test/abc/memory.swap.max"))).isEqualTo("0");
    }

    @Test
    void sharesBecomeWeightsAsRuncConvertsThem() {
        assertThat(V2Limits.weight(2)).isEqualTo(1);
        assertThat(V2Limits.weight(1024)).isEqualTo(39);
        assertThat(V2Limits.weight(262_144)).isEqualTo(10_000);
        assertThat(V2Limits.weight(1)).isEqualTo(1);
        assertThat(V2Limits.weight(1_000_000)).isEqualTo(10_000);
    }

    @Test
    void aLimitWhoseControllerTheHostLacksIsAnErrorAndNothingIsMade() {
        fixture = new V2Fixture(root, "memory pids");
        cgroups = fixture.cgroups("mc-test");

        assertThatThrownBy(() -> cgroups.create("abc", limits().cpuQuota(50_000).build()))
                .isInstanceOf(CgroupException.class)
                .hasMessage("cannot limit cpu: the cpu cgroup controller is not available (" + root
                        + "/cgroup.controllers has: memory pids)");
        assertThat(root.resolve("mc-test/abc")).doesNotExist();
    }

    @Test
    void aFailedWriteNamesTheFileAndTheKernelsReasonAndRemovesTheHalfMadeCgroup() {
        cgroups.create("first", Limits.none());
        fixture.populate = false; // mkdir made a directory, but no memory.max appeared in it

        assertThatThrownBy(() -> cgroups.create("abc", limits().memory(64 * MIB).build()))
                .isInstanceOf(CgroupException.class)
                .hasMessage("set memory limit: write " + root.resolve("mc-test/abc/memory.max")
                        + ": No such file or directory");
        assertThat(root.resolve("mc-test/abc")).doesNotExist();
        assertThat(root.resolve("mc-test/first")).isDirectory();
    }

    @Test
    void swapWithoutSwapAccountingIsAClearError() {
        fixture.missing.add("memory.swap.max");

        assertThatThrownBy(() -> cgroups.create("abc", limits().memory(64 * MIB).memorySwap(128 * MIB).build()))
                .isInstanceOf(CgroupException.class)
                .hasMessageStartingWith("cannot limit memory+swap: your kernel does not support swap limit capabilities");
    }

    @Test
    void unlimitedSwapWithoutSwapAccountingIsWhatTheKernelDoesAnyway() {
        fixture.missing.add("memory.swap.max");

        cgroups.create("abc", limits().memory(64 * MIB).memorySwap(-1).build());

        assertThat(read(root.resolve("mc-test/abc/memory.max"))).isEqualTo(Long.toString(64 * MIB));
    }

    @Test
    void anExistingCgroupIsNotTakenOver() {
        cgroups.create("abc", Limits.none());

        assertThatThrownBy(() -> cgroups.create("abc", Limits.none()))
                .isInstanceOf(CgroupException.class)
                .hasMessage("create cgroup: " + root.resolve("mc-test/abc") + " already exists");
        assertThat(root.resolve("mc-test/abc/cgroup.procs")).exists();
    }

    @Test
    void namesThatAreNotOneDirectoryAreRefused() {
        assertThatThrownBy(() -> cgroups.create("../escape", Limits.none())).isInstanceOf(CgroupException.class)
                .hasMessage("invalid cgroup name \"../escape\"");
        assertThatThrownBy(() -> fixture.cgroups("a/../b")).isInstanceOf(CgroupException.class)
                .hasMessage("invalid cgroup parent \"a/../b\"");
    }

    @Test
    void openFindsAnExistingCgroupOnly() {
        cgroups.create("abc", Limits.none());

        assertThat(cgroups.open("abc")).hasValueSatisfying(
                cgroup -> assertThat(cgroup.directories()).containsExactly(root.resolve("mc-test/abc")));
        assertThat(cgroups.open("gone")).isEmpty();
    }

    @Test
    void laterLimitsHandDownTheControllersTheyNeed() {
        Cgroup cgroup = cgroups.create("abc", Limits.none());

        cgroup.setLimits(limits().cpusetCpus("1").build());

        assertThat(read(root.resolve("cgroup.subtree_control"))).isEqualTo("+cpuset");
        assertThat(read(root.resolve("mc-test/abc/cpuset.cpus"))).isEqualTo("1");
    }
}
