package io.minicontainer.cli;

import io.minicontainer.state.Container;
import java.util.List;

/**
 * {@code minicontainer attach CONTAINER}: this CLI becomes one more client of the container's monitor:
 * its output, its stdin if started with -i, its terminal if started with -t (detach with Ctrl-P Ctrl-Q).
 */
final class AttachCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            AttachFlags.DETACH_KEYS,
            Flag.bool("no-stdin", Flag.NO_SHORTHAND, "Do not attach STDIN"),
            AttachFlags.SIG_PROXY,
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "attach"; }
    public String summary() { return "Attach local standard input, output, and error streams to a running container"; }
    public String usage() { return "attach [OPTIONS] CONTAINER"; }
    public List<Flag> flags() { return FLAGS; }

    public int run(ParsedArgs args, Context context) {
        Main.requireRoot("attach");
        if (args.positional().size() != 1) {
            throw new CliException("\"attach\" requires exactly 1 argument: " + usage());
        }
        Container container = context.lifecycle().find(args.positional().getFirst());
        boolean stdin = !args.bool("no-stdin") && container.record().openStdin();
        AttachFlags.requireTerminalInput(container.record().tty(), stdin);
        context.lifecycle().attach(container, AttachFlags.parse(args, stdin));
        throw new IllegalStateException("the helper did not take over");
    }
}
