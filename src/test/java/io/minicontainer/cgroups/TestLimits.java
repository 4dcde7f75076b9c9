package io.minicontainer.cgroups;

import java.util.Optional;
import java.util.OptionalLong;

/** Limits built one field at a time, for tests. */
final class TestLimits {
    private OptionalLong memory = OptionalLong.empty();
    private OptionalLong memorySwap = OptionalLong.empty();
    private OptionalLong memoryReservation = OptionalLong.empty();
    private OptionalLong cpuQuota = OptionalLong.empty();
    private long cpuPeriod = Limits.DEFAULT_CPU_PERIOD;
    private OptionalLong cpuShares = OptionalLong.empty();
    private Optional<String> cpusetCpus = Optional.empty();
    private OptionalLong pids = OptionalLong.empty();

    static TestLimits limits() {
        return new TestLimits();
    }

    TestLimits memory(long bytes) {
        memory = OptionalLong.of(bytes);
        return this;
    }

    TestLimits memorySwap(long bytes) {
        memorySwap = OptionalLong.of(bytes);
        return this;
    }

    TestLimits memoryReservation(long bytes) {
        memoryReservation = OptionalLong.of(bytes);
        return this;
    }

    TestLimits cpuQuota(long micros) {
        cpuQuota = OptionalLong.of(micros);
        return this;
    }

    TestLimits cpuPeriod(long micros) {
        cpuPeriod = micros;
        return this;
    }

    TestLimits cpuShares(long shares) {
        cpuShares = OptionalLong.of(shares);
        return this;
    }

    TestLimits cpusetCpus(String cpus) {
        cpusetCpus = Optional.of(cpus);
        return this;
    }

    TestLimits pids(long max) {
        pids = OptionalLong.of(max);
        return this;
    }

    Limits build() {
        return new Limits(memory, memorySwap, memoryReservation, cpuQuota, cpuPeriod, cpuShares, cpusetCpus, pids);
    }
}
