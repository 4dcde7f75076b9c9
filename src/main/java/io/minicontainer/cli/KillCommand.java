package io.minicontainer.cli;

import io.minicontainer.state.Signals;
import java.util.List;

/** {@code minicontainer kill [-s SIG] CONTAINER...}: a signal to the container's main process. */
final class KillCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.value("signal", 's', "SIG", "Signal to send (default KILL)"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "kill"; }
    public String summary() { return "Send a signal to one or more running containers"; }
    public String usage() { return "kill [OPTIONS] CONTAINER [CONTAINER...]"; }
    public List<Flag> flags() { return FLAGS; }
    public boolean flagsAnywhere() { return true; }

    public int run(ParsedArgs args, Context context) {
        int signal = Signals.parse(args.value("signal").orElse("KILL"));
        return Containers.forEach(name(), args.positional(), context, (ref, container) -> {
            context.lifecycle().kill(container, signal);
            context.out().println(ref);
        });
    }
}
