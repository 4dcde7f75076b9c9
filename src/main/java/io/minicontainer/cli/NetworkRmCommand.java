package io.minicontainer.cli;

import io.minicontainer.engine.NetworkService;
import io.minicontainer.network.NetworkException;
import java.util.List;

/** {@code network rm NETWORK...}: each removed network's name, as given; errors one line each, exit 1. */
final class NetworkRmCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.bool("force", 'f', "Do not error if the network does not exist"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "network rm"; }
    public String summary() { return "Remove one or more networks"; }
    public String usage() { return "network rm NETWORK [NETWORK...]"; }
    public List<Flag> flags() { return FLAGS; }

    public int run(ParsedArgs args, Context context) {
        if (args.positional().isEmpty()) {
            throw new CliException("\"network rm\" requires at least 1 argument");
        }
        NetworkService networks = new NetworkService(context.layout(), context.env());
        int status = 0;
        for (String ref : args.positional()) {
            try {
                networks.remove(networks.find(ref));
                context.out().println(ref);
            } catch (NetworkException e) {
                if (!(args.bool("force") && e.getMessage().endsWith(" not found"))) {
                    context.err().println("Error response from daemon: " + e.getMessage());
                    status = 1;
                }
            }
        }
        return status;
    }
}
