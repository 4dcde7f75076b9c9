package io.minicontainer.cli;

import io.minicontainer.engine.EngineException;
import io.minicontainer.engine.volume.VolumeStore;
import java.util.List;

/**
 * {@code volume rm [-f] NAME...}: prints each removed name; a volume any container uses (running or
 * not) stays, with docker's error; {@code -f} only makes a missing volume no error. Exit 1 if any failed.
 */
final class VolumeRmCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.bool("force", 'f', "Do not fail on volumes that do not exist"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "volume rm"; }
    public String summary() { return "Remove one or more volumes"; }
    public String usage() { return "volume rm [OPTIONS] VOLUME [VOLUME...]"; }
    public List<Flag> flags() { return FLAGS; }

    public int run(ParsedArgs args, Context context) {
        if (args.positional().isEmpty()) {
            throw new CliException("\"volume rm\" requires at least 1 argument");
        }
        VolumeStore store = new VolumeStore(context.layout());
        int failed = 0;
        for (String name : args.positional()) {
            try {
                store.remove(name, args.bool("force"));
                context.out().println(name);
            } catch (EngineException e) {
                context.err().println("minicontainer: " + e.getMessage());
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
