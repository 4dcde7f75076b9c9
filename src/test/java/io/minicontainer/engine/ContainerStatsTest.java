package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minicontainer.cgroups.CgroupStats;
import io.minicontainer.engine.FakeCgroups.FakeCgroup;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker's stats arithmetic from two samples, the network counters, and what is sampled. */
class ContainerStatsTest {
    private static final long SECOND = 1_000_000_000L;
    /** /proc/PID/net/dev, with its columns narrowed to fit here. */
    private static final String NET_DEV = """
            Inter-|   Receive                                   |  Transmit
             face |bytes packets errs drop fifo frame compr multi|bytes packets errs drop fifo colls carrier compr
                lo: 9956127366 784654 0 0 0 0 0 0 9956127366 784654 0 0 0 0 0 0
              eth0: 1200 10 0 0 0 0 0 0 648 8 0 0 0 0 0 0
              eth1:  100  1 0 0 0 0 0 0   2 1 0 0 0 0 0 0
            """;

    @TempDir
    Path root;

    private static StatsSample sample(long at, long cpuNanos) {
        return new StatsSample(at, new CgroupStats(cpuNanos, 1_503_238, 8_232_370_176L, 3, 4096, 8192), new NetDev(1200, 648));
    }

    @Test
    void cpuIsTheShareOfTheHostsTimeTimesItsCpus() {
        assertThat(ContainerStats.cpuPercent(0, SECOND / 2, 0, 4 * SECOND, 4)).isEqualTo(50.0);
        assertThat(ContainerStats.cpuPercent(SECOND, 3 * SECOND, 0, 4 * SECOND, 4)).isEqualTo(200.0);
        assertThat(ContainerStats.cpuPercent(5, 5, 0, SECOND, 2)).isZero();
        assertThat(ContainerStats.cpuPercent(5, 9, 7, 7, 2)).isZero();
        assertThat(ContainerStats.cpuPercent(9, 5, 0, SECOND, 2)).isZero();
    }

    @Test
    void twoSamplesOneSecondApartGiveTheCpuPercentOfOneCpu() {
        ContainerStats stats = ContainerStats.between(Optional.of(sample(10 * SECOND, 0)),
                sample(11 * SECOND, SECOND / 4), 8);

        assertThat(stats.cpuPercent()).isCloseTo(25.0, within(1e-9));
        assertThat(stats.memory()).isEqualTo(1_503_238);
        assertThat(stats.memoryLimit()).isEqualTo(8_232_370_176L);
        assertThat(stats.memoryPercent()).isCloseTo(1_503_238 * 100.0 / 8_232_370_176L, within(1e-12));
        assertThat(stats).extracting(ContainerStats::netReceived, ContainerStats::netTransmitted, ContainerStats::blockRead,
                ContainerStats::blockWritten, ContainerStats::pids).containsExactly(1200L, 648L, 4096L, 8192L, 3L);
    }

    @Test
    void aFirstSampleHasNoCpuYet() {
        assertThat(ContainerStats.between(Optional.empty(), sample(SECOND, SECOND), 2).cpuPercent()).isZero();
    }

    @Test
    void figuresTheCgroupCannotGiveAreZero() {
        StatsSample unknown = new StatsSample(SECOND, new CgroupStats(-1, -1, -1, -1, -1, -1), NetDev.ZERO);

        assertThat(ContainerStats.between(Optional.of(unknown), unknown, 2)).isEqualTo(ContainerStats.ZERO);
    }

    @Test
    void netDevSumsEveryInterfaceButLoopback() {
        assertThat(NetDev.parse(NET_DEV)).isEqualTo(new NetDev(1300, 650));
        assertThat(NetDev.parse(NET_DEV.lines().limit(3).reduce("", (a, b) -> a + b + "\n"))).isEqualTo(NetDev.ZERO);
    }

    @Test
    void netDevOfThisProcessCanBeRead() {
        assertThat(NetDev.of(ProcessHandle.current().pid())).isPresent();
        assertThat(NetDev.of(Integer.MAX_VALUE)).isEmpty();
    }

    @Test
    void theSamplerReadsTheCgroupTheNetworkAndTheClock() {
        ContainerLayout layout = new ContainerLayout(root, root.resolve("run"));
        ContainerFixture fixture = new ContainerFixture(layout);
        FakeCgroups cgroups = new FakeCgroups();
        String web = fixture.running("web", Map.of("NetworkMode", "none"));
        String host = fixture.running("host", Map.of("NetworkMode", "host"));
        fixture.exited("done", Map.of());
        fixture.running("lost", Map.of());
        CgroupStats figures = new CgroupStats(5, 6, 7, 1, 2, 3);
        cgroups.add(web).withStats(figures);
        cgroups.add(host).withStats(figures);
        AtomicLong clock = new AtomicLong(42);
        StatsSampler sampler = new StatsSampler(new ContainerCgroups(cgroups), pid -> Optional.of(new NetDev(pid, 1)),
                clock::getAndIncrement);
        long me = ProcessHandle.current().pid();

        assertThat(sampler.sample(layout.containers().find("web"))).hasValue(new StatsSample(42, figures, new NetDev(me, 1)));
        assertThat(sampler.sample(layout.containers().find("host"))).hasValue(new StatsSample(43, figures, NetDev.ZERO));
        assertThat(sampler.sample(layout.containers().find("done"))).isEmpty();
        assertThat(sampler.sample(layout.containers().find("lost"))).isEmpty();
    }
}
