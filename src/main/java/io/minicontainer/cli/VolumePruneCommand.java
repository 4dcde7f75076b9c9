package io.minicontainer.cli;

import io.minicontainer.engine.volume.VolumeStore;
import java.io.InputStream;
import java.util.List;

/**
 * {@code volume prune [-a] [-f]}: removes unused volumes, only anonymous ones without {@code -a}
 * (docker 23+); asks first on stdin unless {@code -f}, with docker's words and output.
 */
final class VolumePruneCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.bool("all", 'a', "Remove all unused volumes, not just anonymous ones"),
            Flag.bool("force", 'f', "Do not prompt for confirmation"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));
    private static final String ANONYMOUS_WARNING = "WARNING! This will remove anonymous local volumes not used by at"
            + " least one container.\nAre you sure you want to continue?";
    private static final String ALL_WARNING = "WARNING! This will remove all local volumes not used by at least one"
            + " container.\nAre you sure you want to continue?";

    private final InputStream stdin;

    VolumePruneCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    public String name() { return "volume prune"; }
    public String summary() { return "Remove unused local volumes"; }
    public String usage() { return "volume prune [OPTIONS]"; }
    public List<Flag> flags() { return FLAGS; }

    public int run(ParsedArgs args, Context context) {
        if (!args.positional().isEmpty()) {
            throw new CliException("\"volume prune\" accepts no arguments");
        }
        boolean all = args.bool("all");
        if (!args.bool("force") && !Confirmation.ask(all ? ALL_WARNING : ANONYMOUS_WARNING, stdin, context)) {
            return 0; // docker: a cancelled prune is no error
        }
        VolumeStore.Pruned pruned = new VolumeStore(context.layout()).prune(all);
        if (!pruned.names().isEmpty()) {
            context.out().println("Deleted Volumes:");
            pruned.names().forEach(context.out()::println);
            context.out().println();
        }
        context.out().println("Total reclaimed space: " + HumanUnits.size(pruned.bytes()));
        return 0;
    }
}
