package io.minicontainer.cli;

import io.minicontainer.engine.Lifecycle;
import io.minicontainer.state.Container;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** {@code minicontainer ps}: docker's columns, filters and formats. */
final class PsCommand implements Command {
    private static final String DEFAULT_TABLE =
            "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";
    private static final Map<String, String> HEADERS = Map.ofEntries(Map.entry("ID", "CONTAINER ID"),
            Map.entry("Image", "IMAGE"), Map.entry("Command", "COMMAND"), Map.entry("RunningFor", "CREATED"),
            Map.entry("CreatedAt", "CREATED AT"), Map.entry("Status", "STATUS"), Map.entry("Ports", "PORTS"),
            Map.entry("Names", "NAMES"), Map.entry("State", "STATE"), Map.entry("Labels", "LABELS"),
            Map.entry("Mounts", "MOUNTS"), Map.entry("Networks", "NETWORKS"), Map.entry("Size", "SIZE"));
    private static final List<Flag> FLAGS = List.of(
            Flag.bool("all", 'a', "Show all containers (default: only running ones)"),
            Flag.bool("quiet", 'q', "Only show container ids"),
            Flag.bool("no-trunc", Flag.NO_SHORTHAND, "Do not truncate ids and commands"),
            Flag.value("filter", 'f', "K=V", "Filter: name=, id=, status=, label=, exited=, ancestor="),
            Flag.value("format", Flag.NO_SHORTHAND, "FORMAT", "table, json, or a Go template such as {{.ID}}"),
            Flag.value("last", 'n', "N", "Show the N last created containers (all states)"),
            Flag.bool("latest", 'l', "Show the latest created container (all states)"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "ps"; }
    public String summary() { return "List containers"; }
    public String usage() { return "ps [OPTIONS]"; }
    public List<Flag> flags() { return FLAGS; }
    public boolean flagsAnywhere() { return true; }

    public int run(ParsedArgs args, Context context) {
        ContainerFilter filter = ContainerFilter.parse(args.all("filter"));
        FormatOption format = FormatOption.parse(args.bool("quiet") ? "{{.ID}}" : args.value("format").orElse(null),
                DEFAULT_TABLE);
        int last = args.bool("latest") ? 1 : args.value("last").map(PsCommand::count).orElse(-1);
        boolean all = args.bool("all") || filter.impliesAll() || last >= 0;
        Instant now = Instant.now();
        Lifecycle lifecycle = context.lifecycle();
        Map<Container, Boolean> paused = new IdentityHashMap<>(); // each cgroup's freezer read once
        List<Container> shown = context.layout().containers().list().stream()
                .limit(last >= 0 ? last : Long.MAX_VALUE)
                .filter(c -> all || c.running())
                .peek(c -> paused.put(c, lifecycle.paused(c)))
                .filter(c -> filter.test(candidate(c, paused.get(c)))).toList();
        boolean truncate = !args.bool("no-trunc");
        context.out().print(format.render(shown.stream()
                        .map(c -> ContainerViews.psRow(c, paused.get(c), truncate, now)).toList(),
                HEADERS));
        return 0;
    }

    private static ContainerFilter.Candidate candidate(Container container, boolean paused) {
        Integer exitCode = container.status() == Container.Status.EXITED ? container.exitCode() : null;
        Object imageId = container.record().json().get("Image");
        return new ContainerFilter.Candidate(container.id(), container.name(), ContainerViews.state(container, paused),
                container.record().labels(), exitCode, container.record().image(),
                imageId instanceof String id && !id.isEmpty() ? id : null);
    }

    private static int count(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new CliException("invalid argument \"" + text + "\" for \"-n, --last\" flag: not a number");
        }
    }
}
