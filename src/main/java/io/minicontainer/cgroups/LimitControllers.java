package io.minicontainer.cgroups;

import java.util.Set;
import java.util.TreeSet;

/** Which controllers a set of limits writes to; v1 and v2 call them by the same names. */
final class LimitControllers {
    private LimitControllers() {}

    static Set<String> of(Limits limits) {
        Set<String> needed = new TreeSet<>();
        if (limits.memory().isPresent() || limits.memorySwap().isPresent() || limits.memoryReservation().isPresent()) {
            needed.add("memory");
        }
        if (limits.cpuQuotaMicros().isPresent() || limits.cpuShares().isPresent()
                || limits.cpuPeriodMicros() != Limits.DEFAULT_CPU_PERIOD) {
            needed.add("cpu");
        }
        limits.cpusetCpus().ifPresent(cpus -> needed.add("cpuset"));
        limits.pids().ifPresent(pids -> needed.add("pids"));
        return needed;
    }
}
