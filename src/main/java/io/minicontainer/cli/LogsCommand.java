package io.minicontainer.cli;

import io.minicontainer.state.Container;
import io.minicontainer.state.ContainerLog;
import io.minicontainer.state.ContainerStore;
import io.minicontainer.state.LogQuery;
import java.time.Instant;
import java.util.List;

/** {@code minicontainer logs}: the container's output from its log, stdout to stdout and stderr to stderr. */
final class LogsCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.bool("follow", 'f', "Follow the output until the container stops"),
            Flag.value("tail", 'n', "N", "Only the last N lines (default: all)"),
            Flag.bool("timestamps", 't', "Show timestamps"),
            Flag.value("since", Flag.NO_SHORTHAND, "TIME", "Since a time (2026-11-29T10:00:00Z) or a duration ago (10m)"),
            Flag.value("until", Flag.NO_SHORTHAND, "TIME", "Until a time or a duration ago"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "logs"; }
    public String summary() { return "Fetch the logs of a container"; }
    public String usage() { return "logs [OPTIONS] CONTAINER"; }
    public List<Flag> flags() { return FLAGS; }
    public boolean flagsAnywhere() { return true; }

    public int run(ParsedArgs args, Context context) {
        if (args.positional().size() != 1) {
            throw new CliException("\"logs\" requires exactly 1 argument");
        }
        ContainerStore store = context.layout().containers();
        Container container = store.find(args.positional().getFirst());
        LogQuery query = LogQuery.fromFlags(args.value("tail").orElse(null), args.value("since").orElse(null),
                args.value("until").orElse(null), args.bool("timestamps"), args.bool("follow"), Instant.now());
        ContainerLog.of(container.dir()).write(query, context.out(), context.err(),
                () -> store.load(container.id()).map(Container::running).orElse(false));
        context.out().flush();
        return 0;
    }
}
