package io.minicontainer.cli;

import java.util.List;

/** {@code minicontainer wait CONTAINER...}: blocks until each has exited, printing its exit code. */
final class WaitCommand implements Command {
    public String name() { return "wait"; }
    public String summary() { return "Block until one or more containers stop, then print their exit codes"; }
    public String usage() { return "wait CONTAINER [CONTAINER...]"; }
    public List<Flag> flags() { return List.of(Flag.bool("help", Flag.NO_SHORTHAND, "Print usage")); }
    public boolean flagsAnywhere() { return true; }

    public int run(ParsedArgs args, Context context) {
        return Containers.forEach(name(), args.positional(), context,
                (ref, container) -> context.out().println(context.lifecycle().await(container)));
    }
}
