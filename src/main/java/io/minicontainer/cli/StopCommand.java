package io.minicontainer.cli;

import java.time.Duration;
import java.util.List;

/** {@code minicontainer stop [-t N] CONTAINER...}: the stop signal, then SIGKILL after N seconds. */
final class StopCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.value("time", 't', "N", "Seconds to wait before killing it (default 10, -1: forever)"),
            Flag.value("signal", 's', "SIG", "Signal to send first (default: the image's StopSignal or SIGTERM)"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "stop"; }
    public String summary() { return "Stop one or more running containers"; }
    public String usage() { return "stop [OPTIONS] CONTAINER [CONTAINER...]"; }
    public List<Flag> flags() { return FLAGS; }
    public boolean flagsAnywhere() { return true; }

    public int run(ParsedArgs args, Context context) {
        Duration timeout = timeout(args);
        return Containers.forEach(name(), args.positional(), context, (ref, container) -> {
            context.lifecycle().stop(container, timeout, args.value("signal"));
            context.out().println(ref);
        });
    }

    static Duration timeout(ParsedArgs args) {
        String text = args.value("time").orElse("10");
        try {
            return Duration.ofSeconds(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new CliException("invalid argument \"" + text + "\" for \"-t, --time\" flag: not a number of seconds");
        }
    }
}
