package io.minicontainer.cli;

import java.util.List;
import java.util.Optional;

/** {@code minicontainer restart [-t N] CONTAINER...}: stop (if running), then start. */
final class RestartCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.value("time", 't', "N", "Seconds to wait before killing it (default 10)"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "restart"; }
    public String summary() { return "Restart one or more containers"; }
    public String usage() { return "restart [OPTIONS] CONTAINER [CONTAINER...]"; }
    public List<Flag> flags() { return FLAGS; }
    public boolean flagsAnywhere() { return true; }

    public int run(ParsedArgs args, Context context) {
        var timeout = StopCommand.timeout(args);
        int[] code = {0};
        int failed = Containers.forEach(name(), args.positional(), context, (ref, container) -> {
            context.lifecycle().stop(container, timeout, Optional.empty());
            code[0] = Math.max(code[0], context.lifecycle().start(context.lifecycle().find(container.id()), false, ref));
        });
        return failed != 0 ? failed : code[0];
    }
}
