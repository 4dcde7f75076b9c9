package io.minicontainer.engine;

import io.minicontainer.oci.Spec;
import io.minicontainer.runtime.RlimitType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's own hard limits (/proc/self/limits) and whether it may raise them (CAP_SYS_RESOURCE
 * in /proc/self/status): a container's hard limit above the engine's cannot be set without it, and
 * saying so before anything is created beats a failed start.
 */
record HostLimits(Map<RlimitType, Long> hard, boolean canRaise) {
    private static final int CAP_SYS_RESOURCE = 24;
    private static final Map<String, RlimitType> ROWS = Map.ofEntries(
            Map.entry("Max cpu time", RlimitType.RLIMIT_CPU), Map.entry("Max file size", RlimitType.RLIMIT_FSIZE),
            Map.entry("Max data size", RlimitType.RLIMIT_DATA), Map.entry("Max stack size", RlimitType.RLIMIT_STACK),
            Map.entry("Max core file size", RlimitType.RLIMIT_CORE), Map.entry("Max resident set", RlimitType.RLIMIT_RSS),
            Map.entry("Max processes", RlimitType.RLIMIT_NPROC), Map.entry("Max open files", RlimitType.RLIMIT_NOFILE),
            Map.entry("Max locked memory", RlimitType.RLIMIT_MEMLOCK),
            Map.entry("Max address space", RlimitType.RLIMIT_AS), Map.entry("Max file locks", RlimitType.RLIMIT_LOCKS),
            Map.entry("Max pending signals", RlimitType.RLIMIT_SIGPENDING),
            Map.entry("Max msgqueue size", RlimitType.RLIMIT_MSGQUEUE),
            Map.entry("Max nice priority", RlimitType.RLIMIT_NICE),
            Map.entry("Max realtime priority", RlimitType.RLIMIT_RTPRIO),
            Map.entry("Max realtime timeout", RlimitType.RLIMIT_RTTIME));

    static HostLimits current() {
        try {
            return parse(Files.readString(Path.of("/proc/self/limits")), Files.readString(Path.of("/proc/self/status")));
        } catch (IOException e) {
            return new HostLimits(Map.of(), true); // nothing known: let setrlimit decide
        }
    }

    /** From the text of /proc/self/limits and /proc/self/status; -1 is unlimited. */
    static HostLimits parse(String limits, String status) {
        Map<RlimitType, Long> hard = new EnumMap<>(RlimitType.class);
        for (String line : limits.split("\n")) {
            String[] columns = line.strip().split("\\s{2,}");
            RlimitType type = ROWS.get(columns[0]);
            if (type != null && columns.length >= 3) {
                hard.put(type, columns[2].equals("unlimited") ? -1 : Long.parseUnsignedLong(columns[2]));
            }
        }
        boolean canRaise = status.lines().filter(l -> l.startsWith("CapEff:")).findFirst()
                .map(l -> (Long.parseUnsignedLong(l.substring("CapEff:".length()).strip(), 16) >>> CAP_SYS_RESOURCE & 1) == 1)
                .orElse(false);
        return new HostLimits(Map.copyOf(hard), canRaise);
    }

    /** Why this limit cannot be set here, if it cannot: its hard limit is above ours and we may not raise it. */
    Optional<String> refusal(Spec.Rlimit limit) {
        Long own = RlimitType.bySpecName(limit.type()).map(hard::get).orElse(null);
        if (canRaise || own == null || Long.compareUnsigned(limit.hard(), own) <= 0) {
            return Optional.empty();
        }
        return Optional.of("ulimit " + Ulimits.describe(limit) + ": the hard limit is above this engine's own ("
                + (own == -1 ? "unlimited" : Long.toString(own)) + ") and raising it needs CAP_SYS_RESOURCE");
    }
}
