package io.minicontainer.cli;

import java.util.List;

/** {@code minicontainer start [-a] CONTAINER...}: an exited container again, same config and files. */
final class StartCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.bool("attach", 'a', "Attach to its output and exit with its code"),
            Flag.bool("interactive", 'i', "Attach stdin too"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "start"; }
    public String summary() { return "Start one or more stopped containers"; }
    public String usage() { return "start [OPTIONS] CONTAINER [CONTAINER...]"; }
    public List<Flag> flags() { return FLAGS; }
    public boolean flagsAnywhere() { return true; }

    public int run(ParsedArgs args, Context context) {
        boolean attach = args.bool("attach") || args.bool("interactive");
        if (attach && args.positional().size() > 1) {
            throw new CliException("you cannot start and attach multiple containers at once");
        }
        int[] code = {0};
        int failed = Containers.forEach(name(), args.positional(), context, (ref, container) -> {
            int started = context.lifecycle().start(container, attach, ref);
            code[0] = Math.max(code[0], started);
        });
        return failed != 0 ? failed : code[0];
    }
}
