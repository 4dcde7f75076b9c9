package io.minicontainer.cli;

import io.minicontainer.engine.NetworkService;
import java.io.InputStream;
import java.util.List;

/** {@code network prune [-f]}: every user network no running container is on; asks first unless -f. */
final class NetworkPruneCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.bool("force", 'f', "Do not prompt for confirmation"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));
    private static final String WARNING = "WARNING! This will remove all custom networks not used by at least one"
            + " container.\nAre you sure you want to continue?";

    private final InputStream stdin;

    NetworkPruneCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    public String name() { return "network prune"; }
    public String summary() { return "Remove all unused networks"; }
    public String usage() { return "network prune [OPTIONS]"; }
    public List<Flag> flags() { return FLAGS; }

    public int run(ParsedArgs args, Context context) {
        if (!args.positional().isEmpty()) {
            throw new CliException("\"network prune\" accepts no arguments");
        }
        if (!args.bool("force") && !Confirmation.ask(WARNING, stdin, context)) {
            return 0;
        }
        printDeleted(new NetworkService(context.layout(), context.env()).prune(), context);
        return 0;
    }

    /** docker's list of what went, or nothing at all. */
    static void printDeleted(List<String> names, Context context) {
        if (!names.isEmpty()) {
            context.out().println("Deleted Networks:");
            names.forEach(context.out()::println);
            context.out().println();
        }
    }
}
