package io.minicontainer.cli;

import io.minicontainer.engine.HostCpus;
import io.minicontainer.engine.HostResources;
import io.minicontainer.engine.ResourceFlags;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docker's resource flags, shared by run and update; a value that cannot be read points at the command's help. */
final class ResourceOptions {
    static final List<Flag> FLAGS = List.of(
            Flag.value("memory", 'm', "BYTES", "Memory limit (512m, 1g: b, k, m, g suffixes; at least 6MB)"),
            Flag.value("memory-swap", Flag.NO_SHORTHAND, "BYTES", "Memory plus swap limit (-1: unlimited swap)"),
            Flag.value("memory-reservation", Flag.NO_SHORTHAND, "BYTES", "Memory soft limit"),
            Flag.value("cpus", Flag.NO_SHORTHAND, "N", "Number of CPUs (1.5: a CFS quota of 150 ms per 100 ms)"),
            Flag.value("cpu-shares", 'c', "N", "CPU shares (relative weight)"),
            Flag.value("cpu-period", Flag.NO_SHORTHAND, "MICROS", "Limit CPU CFS (Completely Fair Scheduler) period"),
            Flag.value("cpu-quota", Flag.NO_SHORTHAND, "MICROS", "Limit CPU CFS (Completely Fair Scheduler) quota"),
            Flag.value("cpuset-cpus", Flag.NO_SHORTHAND, "LIST", "CPUs in which to allow execution (0-3, 0,1)"),
            Flag.value("pids-limit", Flag.NO_SHORTHAND, "N", "Tune container pids limit (-1: unlimited)"));

    private ResourceOptions() {}

    /** The resource flags given, by long name; the last value of each wins, as in docker. */
    static Map<String, String> given(ParsedArgs args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : ResourceFlags.NAMES.keySet()) {
            args.value(name).ifPresent(value -> given.put(name, value));
        }
        return given;
    }

    static HostResources forRun(ParsedArgs args, HostCpus host) {
        try {
            return ResourceFlags.forRun(given(args), host);
        } catch (ResourceFlags.InvalidFlag e) {
            throw new CliException(e.getMessage() + " (see 'minicontainer run --help')");
        }
    }

    static HostResources forUpdate(ParsedArgs args) {
        try {
            return ResourceFlags.forUpdate(given(args));
        } catch (ResourceFlags.InvalidFlag e) {
            throw new CliException(e.getMessage() + " (see 'minicontainer update --help')");
        }
    }
}
