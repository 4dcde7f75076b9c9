package io.minicontainer.cli;

import io.minicontainer.runtime.AttachOptions;
import java.util.List;
import java.util.Optional;

/**
 * {@code minicontainer start [-a] [-i] CONTAINER...}: an exited container again, same config and files;
 * with -a (or -i) attached like run (a running one is attached to, as docker does).
 */
final class StartCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.bool("attach", 'a', "Attach to its output and exit with its code"),
            Flag.bool("interactive", 'i', "Attach stdin too"),
            AttachFlags.DETACH_KEYS,
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
            boolean stdin = args.bool("interactive") && container.record().openStdin();
            AttachFlags.requireTerminalInput(container.record().tty(), stdin);
            Optional<AttachOptions> attached = attach ? Optional.of(AttachFlags.parse(args, stdin)) : Optional.empty();
            int started = context.lifecycle().start(container, attached, ref);
            code[0] = Math.max(code[0], started);
        });
        return failed != 0 ? failed : code[0];
    }
}
