package io.minicontainer.engine;

import java.util.Set;
import java.util.TreeSet;

/**
 * What docker's daemon refuses in a container's resources, in its order and words (verifyPlatformContainerResources).
 * One deviation: {@code --cpus} below 0.01, which docker leaves to the kernel to refuse, gets the range message.
 */
public final class ResourceChecks {
    /** docker's floor: not the kernel's, but enough for a container to start. */
    static final long MIN_MEMORY = 6 * 1024 * 1024;
    private static final long MIN_NANO_CPUS = HostResources.NANOS_PER_CPU / 100;
    private static final long MIN_CFS_MICROS = 1000;
    private static final long MAX_CFS_PERIOD = 1_000_000;
    /** Linux's usual maximum, as docker bounds a list before expanding it (CVE-2018-20699). */
    private static final int DEFAULT_MAX_CPUS = 8192;

    private ResourceChecks() {}

    /**
     * @param update an update, which may change the swap limit alone
     * @throws EngineException with docker's message
     */
    public static void check(HostResources r, HostCpus host, boolean update) {
        refuse(r.memory() != 0 && r.memory() < MIN_MEMORY, "Minimum memory limit allowed is 6MB");
        refuse(r.memory() > 0 && r.memorySwap() > 0 && r.memorySwap() < r.memory(),
                "Minimum memoryswap limit should be larger than memory limit, see usage");
        refuse(r.memory() == 0 && r.memorySwap() > 0 && !update,
                "You should always set the Memory limit when using Memoryswap limit, see usage");
        refuse(r.memoryReservation() > 0 && r.memoryReservation() < MIN_MEMORY, "Minimum memory reservation allowed is 6MB");
        refuse(r.memory() > 0 && r.memoryReservation() > 0 && r.memory() < r.memoryReservation(),
                "Minimum memory limit can not be less than memory reservation limit, see usage");
        refuse(r.nanoCpus() > 0 && r.cpuPeriod() > 0, "Conflicting options: Nano CPUs and CPU Period cannot both be set");
        refuse(r.nanoCpus() > 0 && r.cpuQuota() > 0, "Conflicting options: Nano CPUs and CPU Quota cannot both be set");
        long maxNanos = host.count() * HostResources.NANOS_PER_CPU;
        refuse(r.nanoCpus() != 0 && (r.nanoCpus() < MIN_NANO_CPUS || r.nanoCpus() > maxNanos),
                "range of CPUs is from 0.01 to " + host.count() + ".00, as there are only " + host.count()
                        + " CPUs available");
        refuse(r.cpuShares() < 0, "invalid CPU shares (" + r.cpuShares() + "): value must be a positive integer");
        refuse(r.cpuPeriod() != 0 && (r.cpuPeriod() < MIN_CFS_MICROS || r.cpuPeriod() > MAX_CFS_PERIOD),
                "CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)");
        refuse(r.cpuQuota() > 0 && r.cpuQuota() < MIN_CFS_MICROS, "CPU cfs quota can not be less than 1ms (i.e. 1000)");
        checkCpuset(r.cpusetCpus(), host.online());
    }

    private static void checkCpuset(String requested, String online) {
        if (requested.isEmpty()) {
            return;
        }
        Set<Integer> available = cpuList(online, 0);
        int max = Math.max(DEFAULT_MAX_CPUS, available.stream().mapToInt(Integer::intValue).max().orElse(0));
        Set<Integer> wanted;
        try {
            wanted = cpuList(requested, max);
        } catch (IllegalArgumentException e) {
            throw new EngineException("Invalid value " + requested + " for cpuset cpus: " + e.getMessage());
        }
        refuse(!available.containsAll(wanted),
                "Requested CPUs are not available - requested " + requested + ", available: " + online);
    }

    /**
     * The kernel's list syntax, {@code 0-2,4}, as docker's parseUintList reads it (duplicates allowed).
     *
     * @param maximum the largest number allowed, 0 for no bound
     * @throws IllegalArgumentException {@code invalid format: X} or {@code value of out range, maximum is N} (docker's typo)
     */
    static Set<Integer> cpuList(String list, int maximum) {
        Set<Integer> cpus = new TreeSet<>();
        if (list.isEmpty()) {
            return cpus;
        }
        IllegalArgumentException invalid = new IllegalArgumentException("invalid format: " + list);
        for (String range : list.split(",", -1)) {
            int dash = range.indexOf('-');
            long first = atoi(dash < 0 ? range : range.substring(0, dash), invalid);
            long last = dash < 0 ? first : atoi(range.substring(dash + 1), invalid);
            if (last < first) {
                throw invalid;
            }
            if (maximum != 0 && last > maximum) {
                throw new IllegalArgumentException("value of out range, maximum is " + maximum);
            }
            for (long cpu = first; cpu <= last; cpu++) {
                cpus.add((int) cpu);
            }
        }
        return cpus;
    }

    /** Go's strconv.Atoi: an optional sign, decimal digits, within int64. */
    private static long atoi(String text, IllegalArgumentException invalid) {
        if (!text.matches("[+-]?[0-9]+")) {
            throw invalid;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw invalid;
        }
    }

    private static void refuse(boolean refused, String message) {
        if (refused) {
            throw new EngineException(message);
        }
    }
}
