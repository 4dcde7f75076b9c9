package io.minicontainer.cli;

import io.minicontainer.engine.Lifecycle;
import io.minicontainer.engine.NetworkService;
import java.util.List;

/**
 * {@code minicontainer container prune} and {@code minicontainer prune}: every stopped container,
 * and whatever a crash left behind (unfinished container directories, names of vanished containers).
 */
final class PruneCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.bool("force", 'f', "Do not prompt for confirmation"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    private final String name;
    private final String warning;

    private PruneCommand(String name, String warning) {
        this.name = name;
        this.warning = warning;
    }

    static PruneCommand containers() {
        return new PruneCommand("container prune", "WARNING! This will remove all stopped containers.");
    }

    static PruneCommand system() {
        return new PruneCommand("prune", "WARNING! This will remove:\n  - all stopped containers\n"
                + "  - all networks not used by at least one container\n"
                + "  - what crashed commands left behind (unfinished containers, stale names)");
    }

    public String name() { return name; }
    public String summary() { return "Remove stopped containers and what crashes left behind"; }
    public String usage() { return name + " [OPTIONS]"; }
    public List<Flag> flags() { return FLAGS; }

    public int run(ParsedArgs args, Context context) {
        if (!args.positional().isEmpty()) {
            throw new CliException("\"" + name + "\" accepts no arguments");
        }
        if (!args.bool("force") && !Confirmation.ask(warning + "\nAre you sure you want to continue?", System.in, context)) {
            return 0;
        }
        Lifecycle.Pruned pruned = context.lifecycle().prune();
        if (!pruned.ids().isEmpty()) {
            context.out().println("Deleted Containers:");
            pruned.ids().forEach(context.out()::println);
            context.out().println();
        }
        if (name.equals("prune")) {
            NetworkPruneCommand.printDeleted(new NetworkService(context.layout(), context.env()).prune(), context);
        }
        context.out().println("Total reclaimed space: " + HumanUnits.size(pruned.bytes()));
        return 0;
    }
}
