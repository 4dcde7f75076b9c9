package io.minicontainer.cli;

import java.util.List;

/** {@code minicontainer rm [-f] [-v] CONTAINER...}: a running container needs -f (then it is killed). */
final class RmCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.bool("force", 'f', "Kill and remove a running container"),
            Flag.bool("volumes", 'v', "Remove the anonymous volumes of the container"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "rm"; }
    public String summary() { return "Remove one or more containers"; }
    public String usage() { return "rm [OPTIONS] CONTAINER [CONTAINER...]"; }
    public List<Flag> flags() { return FLAGS; }
    public boolean flagsAnywhere() { return true; }

    public int run(ParsedArgs args, Context context) {
        return Containers.forEach(name(), args.positional(), context, (ref, container) -> {
            context.lifecycle().remove(container, args.bool("force"), args.bool("volumes"));
            context.out().println(ref);
        });
    }
}
