package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicontainer.TestHost;
import io.minicontainer.cgroups.Cgroup;
import io.minicontainer.cgroups.CgroupException;
import io.minicontainer.cgroups.CgroupMode;
import io.minicontainer.cgroups.CgroupStats;
import io.minicontainer.cgroups.Cgroups;
import io.minicontainer.cgroups.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * cgroup v1 for real, on a v1 or hybrid host, as root: each limit read back from the kernel's
 * files, a real process put in, its stats, freezing, killing and removal. Everything goes under a
 * parent of the test's own (mc-test-PID), removed afterwards.
 */
class CgroupV1IT {
    private static final long MIB = 1024 * 1024;
    private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");

    private final String parent = "mc-test-" + ProcessHandle.current().pid();
    private final List<Process> processes = new ArrayList<>();
    private final List<Cgroup> created = new ArrayList<>();
    private Cgroups cgroups;

    @BeforeEach
    void v1HostAndRoot() throws IOException {
        assumeTrue(TestHost.isRoot(), "cgroups can only be made by root");
        cgroups = Cgroups.forHost(parent);
        assumeTrue(cgroups.mode() == CgroupMode.V1 || cgroups.mode() == CgroupMode.HYBRID,
                "this host's cgroups are " + cgroups.mode().description());
    }

    @AfterEach
    void removeEverything() throws IOException {
        processes.forEach(Process::destroyForcibly);
        for (Cgroup cgroup : created) {
            try {
                cgroup.destroy();
            } catch (CgroupException e) {
                System.err.println("cleanup: " + e.getMessage());
            }
        }
        if (cgroups == null) {
            return;
        }
        try (Stream<Path> hierarchies = Files.list(CGROUP_ROOT)) {
            for (Path parentDir : hierarchies.map(h -> h.resolve(parent)).filter(Files::isDirectory).toList()) {
                removeCgroupTree(parentDir);
            }
        }
    }

    @Test
    void eachLimitIsWhatTheKernelReadsBack() throws IOException {
        Cgroup cgroup = create("limits", limits(OptionalLong.of(64 * MIB), swapIfAccounted(128 * MIB),
                OptionalLong.of(32 * MIB), OptionalLong.of(50_000), OptionalLong.of(512), Optional.of("0"),
                OptionalLong.of(50)));

        assertThat(kernelValue(cgroup, "memory.limit_in_bytes")).isEqualTo(Long.toString(64 * MIB));
        assertThat(kernelValue(cgroup, "memory.soft_limit_in_bytes")).isEqualTo(Long.toString(32 * MIB));
        assertThat(kernelValue(cgroup, "cpu.cfs_period_us")).isEqualTo("100000");
        assertThat(kernelValue(cgroup, "cpu.cfs_quota_us")).isEqualTo("50000");
        assertThat(kernelValue(cgroup, "cpu.shares")).isEqualTo("512");
        assertThat(kernelValue(cgroup, "cpuset.cpus")).isEqualTo("0");
        assertThat(kernelValue(cgroup, "cpuset.mems")).isNotEmpty();
        assertThat(kernelValue(cgroup, "pids.max")).isEqualTo("50");
        if (swapAccounting()) {
            assertThat(kernelValue(cgroup, "memory.memsw.limit_in_bytes")).isEqualTo(Long.toString(128 * MIB));
        }
    }

    @Test
    void memoryAndSwapCanBeRaisedAboveAndLoweredBelowTheOldLimits() throws IOException {
        assumeTrue(swapAccounting(), "swap accounting is off (swapaccount=0)");
        Cgroup cgroup = create("memory", memory(64 * MIB, 128 * MIB));

        cgroup.setLimits(memory(256 * MIB, 512 * MIB)); // memory above the old memory+swap: memsw goes first
        assertThat(kernelValue(cgroup, "memory.limit_in_bytes")).isEqualTo(Long.toString(256 * MIB));
        assertThat(kernelValue(cgroup, "memory.memsw.limit_in_bytes")).isEqualTo(Long.toString(512 * MIB));

        cgroup.setLimits(memory(16 * MIB, 32 * MIB)); // memory+swap below the old memory: memory goes first
        assertThat(kernelValue(cgroup, "memory.limit_in_bytes")).isEqualTo(Long.toString(16 * MIB));
        assertThat(kernelValue(cgroup, "memory.memsw.limit_in_bytes")).isEqualTo(Long.toString(32 * MIB));
    }

    @Test
    void aProcessJoinsShowsInTheStatsFreezesAndIsKilled() throws Exception {
        Cgroup cgroup = create("process", limits(OptionalLong.of(64 * MIB), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), OptionalLong.of(10)));
        Process sleep = startInside(cgroup, "exec sleep 60");

        assertThat(Files.readString(Path.of("/proc/" + sleep.pid() + "/cgroup")))
                .contains(":memory:/" + parent + "/process\n").contains(":freezer:/" + parent + "/process\n");
        CgroupStats stats = cgroup.stats();
        assertThat(stats.pids()).isEqualTo(1);
        // v1 leaves what a joining process already used charged to its old cgroup: it may be 0 here
        assertThat(stats.memoryBytes()).isNotNegative();
        assertThat(stats.memoryLimit()).isEqualTo(64 * MIB);
        assertThat(stats.cpuNanos()).isNotNegative();
        assertThat(stats.blockRead()).isNotNegative();

        cgroup.freeze();
        assertThat(cgroup.frozen()).isTrue();
        assertThat(kernelValue(cgroup, "freezer.state")).isEqualTo("FROZEN");
        cgroup.thaw();
        assertThat(cgroup.frozen()).isFalse();
        assertThat(kernelValue(cgroup, "freezer.state")).isEqualTo("THAWED");

        cgroup.killAll();
        assertThat(sleep.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sleep.exitValue()).isEqualTo(128 + 9);
        assertThat(cgroup.stats().pids()).isZero();
    }

    @Test
    void killAllStopsAForkLoop() throws Exception {
        Cgroup cgroup = create("forks", limits(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), OptionalLong.of(20)));
        startInside(cgroup, "while :; do sleep 100 & done");
        waitUntil(() -> cgroup.stats().pids() >= 10);

        cgroup.killAll();

        for (Path procs : cgroup.procsFiles()) {
            assertThat(Files.readString(procs)).isEmpty();
        }
        assertThat(cgroup.frozen()).isFalse();
        waitUntil(() -> cgroup.stats().pids() == 0); // pids.current counts zombies until init reaps them
    }

    @Test
    void destroyKillsWhatIsLeftAndRemovesEveryDirectory() throws Exception {
        Cgroup cgroup = create("destroy", Limits.none());
        Process sleep = startInside(cgroup, "exec sleep 60");
        assertThat(cgroup.directories()).hasSizeGreaterThanOrEqualTo(6).allMatch(Files::isDirectory);

        cgroup.destroy();

        assertThat(sleep.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(cgroup.directories()).noneMatch(Files::exists);
        assertThat(cgroups.open("destroy")).isEmpty();
        cgroup.destroy(); // again: nothing to do
    }

    @Test
    void aLimitTheKernelRefusesNamesTheFileAndLeavesNothingBehind() {
        Limits badCpus = limits(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), Optional.of("9999"), OptionalLong.empty());

        assertThatThrownBy(() -> create("refused", badCpus)).isInstanceOf(CgroupException.class)
                .hasMessageMatching("set cpuset cpus: write /sys/fs/cgroup/cpuset[^/]*/" + parent
                        + "/refused/cpuset.cpus: (Invalid argument|Numerical result out of range)");
        assertThat(cgroups.open("refused")).isEmpty();
    }

    @Test
    void openFindsTheCgroupByName() {
        create("opened", Limits.none());

        assertThat(cgroups.open("opened")).hasValueSatisfying(cgroup -> assertThat(cgroup.directories())
                .allMatch(dir -> dir.endsWith(Path.of(parent, "opened"))));
    }

    private Cgroup create(String name, Limits limits) {
        Cgroup cgroup = cgroups.create(name, limits);
        created.add(cgroup);
        return cgroup;
    }

    /** sh waits on stdin until it has joined the cgroup, so all it runs afterwards is inside. */
    private Process startInside(Cgroup cgroup, String script) throws IOException {
        Process process = new ProcessBuilder("sh", "-c", "read go; " + script)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(process);
        for (Path procs : cgroup.procsFiles()) {
            Files.writeString(procs, Long.toString(process.pid()));
        }
        process.getOutputStream().write("go\n".getBytes(StandardCharsets.US_ASCII));
        process.getOutputStream().flush();
        return process;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 5 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** The kernel's text of a cgroup file, in whichever of the cgroup's directories has it. */
    private static String kernelValue(Cgroup cgroup, String file) throws IOException {
        for (Path dir : cgroup.directories()) {
            if (Files.exists(dir.resolve(file))) {
                return Files.readString(dir.resolve(file)).strip();
            }
        }
        throw new AssertionError("no " + file + " in " + cgroup.directories());
    }

    private static boolean swapAccounting() {
        return Files.exists(CGROUP_ROOT.resolve("memory/memory.memsw.limit_in_bytes"));
    }

    private static OptionalLong swapIfAccounted(long bytes) {
        return swapAccounting() ? OptionalLong.of(bytes) : OptionalLong.empty();
    }

    private static Limits memory(long memory, long memorySwap) {
        return limits(OptionalLong.of(memory), OptionalLong.of(memorySwap), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), Optional.empty(), OptionalLong.empty());
    }

    private static Limits limits(OptionalLong memory, OptionalLong memorySwap, OptionalLong reservation,
            OptionalLong cpuQuota, OptionalLong cpuShares, Optional<String> cpus, OptionalLong pids) {
        return new Limits(memory, memorySwap, reservation, cpuQuota, Limits.DEFAULT_CPU_PERIOD, cpuShares, cpus, pids);
    }

    /** rmdir only, deepest first: cgroupfs takes a directory's files with it. */
    private static void removeCgroupTree(Path dir) throws IOException {
        List<Path> dirs;
        try (Stream<Path> walk = Files.walk(dir)) {
            dirs = walk.filter(Files::isDirectory).sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList();
        }
        for (Path each : dirs) {
            Files.deleteIfExists(each);
        }
    }
}
