package io.minicontainer.cgroups;

import static io.minicontainer.cgroups.V2Fixture.read;
import static io.minicontainer.cgroups.V2Fixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One cgroup v2 cgroup's stats, freezer, kill and removal, against files laid out as the kernel would. */
class CgroupV2Test {
    @TempDir
    Path root;
    private V2Fixture fixture;
    private Cgroups cgroups;
    private Cgroup cgroup;
    private Path dir;

    @BeforeEach
    void aCgroup() {
        fixture = new V2Fixture(root, "cpuset cpu io memory pids");
        cgroups = fixture.cgroups("mc-test");
        cgroup = cgroups.create("abc", Limits.none());
        dir = root.resolve("mc-test/abc");
    }

    @Test
    void statsAreReadAsDockerShowsThem() {
        write(dir.resolve("cpu.stat"), "usage_usec 1500\nuser_usec 1000\nsystem_usec 500\n");
        write(dir.resolve("memory.current"), "10000\n");
        write(dir.resolve("memory.stat"), "anon 5000\nfile 5000\nactive_file 1000\ninactive_file 4000\n");
        write(dir.resolve("memory.max"), "1048576\n");
        write(dir.resolve("pids.current"), "3\n");
        write(dir.resolve("io.stat"), "8:0 rbytes=100 wbytes=20 rios=1 wios=1 dbytes=0 dios=0\n"
                + "8:16 rbytes=1000 wbytes=200 rios=2 wios=2 dbytes=0 dios=0\n");

        assertThat(cgroup.stats()).isEqualTo(new CgroupStats(1_500_000, 6000, 1_048_576, 3, 1100, 220));
    }

    @Test
    void noMemoryLimitShowsTheHostsMemory() {
        assertThat(cgroup.stats().memoryLimit()).isEqualTo(HostMemory.totalBytes()).isPositive();
    }

    @Test
    void whatTheHostCannotTellIsMinusOne() {
        fixture.missing.addAll(java.util.List.of("cpu.stat", "memory.current", "memory.max", "pids.current", "io.stat"));
        Cgroup bare = cgroups.create("bare", Limits.none());

        assertThat(bare.stats()).isEqualTo(new CgroupStats(-1, -1, -1, -1, -1, -1));
    }

    @Test
    void freezeWritesCgroupFreezeAndWaitsForTheKernelToSayFrozen() {
        write(dir.resolve("cgroup.events"), "populated 1\nfrozen 1\n");

        cgroup.freeze();

        assertThat(read(dir.resolve("cgroup.freeze"))).isEqualTo("1");
        assertThat(cgroup.frozen()).isTrue();
        cgroup.thaw();
        assertThat(read(dir.resolve("cgroup.freeze"))).isEqualTo("0");
    }

    @Test
    void aFreezeThatDoesNotFinishIsUndoneAndReported() {
        assertThatThrownBy(cgroup::freeze).isInstanceOf(CgroupException.class)
                .hasMessageStartingWith("freeze cgroup " + dir + ": not frozen after");
        assertThat(read(dir.resolve("cgroup.freeze"))).isEqualTo("0");
        assertThat(cgroup.frozen()).isFalse();
    }

    @Test
    void killAllUsesCgroupKill() {
        cgroup.killAll();

        assertThat(read(dir.resolve("cgroup.kill"))).isEqualTo("1");
    }

    @Test
    void oomKillsAreCountedInMemoryEvents() {
        assertThat(cgroup.oomEventsFile()).contains(dir.resolve("memory.events"));
        fixture.missing.add("memory.events");
        assertThat(cgroups.create("nomem", Limits.none()).oomEventsFile()).isEmpty();
    }

    @Test
    void destroyKillsFirstAndSaysWhyADirectoryStays() {
        assertThatThrownBy(cgroup::destroy).isInstanceOf(CgroupException.class)
                .hasMessage("remove cgroup: rmdir " + dir + ": Directory not empty"); // cgroupfs would not mind
        assertThat(read(dir.resolve("cgroup.kill"))).isEqualTo("1");
    }

    @Test
    void destroyRemovesTheDirectoryAndCanBeRepeated() {
        V2Fixture.removeFiles(dir); // rmdir on cgroupfs takes the files with it; a plain directory needs this

        cgroup.destroy();
        cgroup.destroy();

        assertThat(dir).doesNotExist();
        assertThat(cgroups.open("abc")).isEmpty();
    }
}
