package io.minicontainer.cli;

import io.minicontainer.cgroups.CgroupException;
import io.minicontainer.engine.ContainerCgroups;
import io.minicontainer.engine.ContainerStats;
import io.minicontainer.engine.HostCpus;
import io.minicontainer.engine.StatsSample;
import io.minicontainer.engine.StatsSampler;
import io.minicontainer.state.Container;
import io.minicontainer.state.StateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code minicontainer stats [-a] [--no-stream] [--no-trunc] [--format F] [CONTAINER...]}: docker's live table of
 * CPU, memory, network, block I/O and pids. CPU % needs two samples, so the first table comes one interval in.
 */
final class StatsCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.bool("all", 'a', "Show all containers (default shows just running)"),
            Flag.bool("no-stream", Flag.NO_SHORTHAND, "Disable streaming stats and only pull the first result"),
            Flag.bool("no-trunc", Flag.NO_SHORTHAND, "Do not truncate output"),
            Flag.value("format", Flag.NO_SHORTHAND, "FORMAT", "table, json, or a Go template such as {{.CPUPerc}}"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    private final Function<Context, StatsSampler> samplers;
    private final Duration interval;
    private final Supplier<HostCpus> host;

    StatsCommand() {
        this(context -> StatsSampler.forHost(new ContainerCgroups(context.cgroups())), Duration.ofSeconds(1),
                HostCpus::current);
    }

    /** With samples, pace and CPUs from elsewhere (tests). */
    StatsCommand(Function<Context, StatsSampler> samplers, Duration interval, Supplier<HostCpus> host) {
        this.samplers = samplers;
        this.interval = interval;
        this.host = host;
    }

    public String name() { return "stats"; }
    public String summary() { return "Display a live stream of container(s) resource usage statistics"; }
    public String usage() { return "stats [OPTIONS] [CONTAINER...]"; }
    public List<Flag> flags() { return FLAGS; }
    public boolean flagsAnywhere() { return true; }

    /** A container followed, with the name it was asked for by (docker's {{.Container}}). */
    private record Watched(String given, Container container) {}

    public int run(ParsedArgs args, Context context) {
        FormatOption format = FormatOption.parse(args.value("format").orElse(null), StatsRows.DEFAULT_TABLE);
        boolean stream = !args.bool("no-stream");
        boolean terminal = stream && Terminal.stdoutIsTerminal();
        Map<String, String> named = new LinkedHashMap<>();
        if (!resolve(args.positional(), context, named)) {
            return 1;
        }
        StatsSampler sampler = samplers.apply(context);
        int cpus = host.get().count();
        Map<String, StatsSample> previous = new HashMap<>();
        watched(context, named, args.bool("all")).forEach(w -> sample(sampler, w.container()).ifPresent(
                s -> previous.put(w.container().id(), s)));
        for (boolean first = true; pause(); first = false) {
            List<Watched> watched = watched(context, named, args.bool("all"));
            if (watched.isEmpty() && !named.isEmpty()) {
                context.out().print(StatsRows.cleared(terminal));
                return 0;
            }
            Map<String, StatsSample> samples = new HashMap<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Watched w : watched) {
                rows.add(StatsRows.row(w.given(), w.container().id(), w.container().name(),
                        stats(sampler, w.container(), previous, samples, cpus), !args.bool("no-trunc")));
            }
            if (!stream) {
                context.out().print(rows.isEmpty() ? "" : format.render(rows, StatsRows.HEADERS));
                return 0;
            }
            context.out().print(StatsRows.frame(format.render(rows, StatsRows.HEADERS), terminal, first));
            context.out().flush();
            previous.clear();
            previous.putAll(samples);
        }
        return 0;
    }

    /** Named containers must all exist, as docker checks before it prints anything; one line per one missing. */
    private static boolean resolve(List<String> refs, Context context, Map<String, String> named) {
        boolean found = true;
        for (String ref : refs) {
            try {
                named.put(ref, context.layout().containers().find(ref).id());
            } catch (StateException e) {
                context.err().println("minicontainer: " + e.getMessage());
                found = false;
            }
        }
        return found;
    }

    /** The named ones still there, or every running one (every one with -a), newest first, as of now. */
    private static List<Watched> watched(Context context, Map<String, String> named, boolean all) {
        if (named.isEmpty()) {
            return context.layout().containers().list().stream().filter(c -> all || c.running())
                    .map(c -> new Watched(c.id(), c)).toList();
        }
        List<Watched> watched = new ArrayList<>();
        named.forEach((given, id) -> context.layout().containers().load(id).ifPresent(c -> watched.add(new Watched(given, c))));
        return watched;
    }

    /** Zeros for one not running; empty (docker's --) for one whose cgroup cannot be read. */
    private static Optional<ContainerStats> stats(StatsSampler sampler, Container container,
            Map<String, StatsSample> previous, Map<String, StatsSample> samples, int cpus) {
        try {
            Optional<StatsSample> now = sampler.sample(container);
            now.ifPresent(s -> samples.put(container.id(), s));
            return Optional.of(now.map(s -> ContainerStats.between(Optional.ofNullable(previous.get(container.id())), s, cpus))
                    .orElse(ContainerStats.ZERO));
        } catch (CgroupException e) {
            return Optional.empty();
        }
    }

    private static Optional<StatsSample> sample(StatsSampler sampler, Container container) {
        try {
            return sampler.sample(container);
        } catch (CgroupException e) {
            return Optional.empty();
        }
    }

    /** One interval; false once interrupted. */
    private boolean pause() {
        try {
            Thread.sleep(interval);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
