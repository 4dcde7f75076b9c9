package io.minicontainer.cli;

import io.minicontainer.engine.NetworkService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code network create [--subnet CIDR] [--gateway IP] [-d bridge] [--label K=V] NAME}: prints the new id. */
final class NetworkCreateCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.value("driver", 'd', "DRIVER", "Driver (only bridge)"),
            Flag.value("subnet", Flag.NO_SHORTHAND, "CIDR", "Subnet, e.g. 10.10.0.0/24 (default: a free one)"),
            Flag.value("gateway", Flag.NO_SHORTHAND, "IP", "Gateway address in the subnet (default: its first)"),
            Flag.value("label", Flag.NO_SHORTHAND, "K=V", "Set a label on the network"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "network create"; }
    public String summary() { return "Create a network"; }
    public String usage() { return "network create [OPTIONS] NETWORK"; }
    public List<Flag> flags() { return FLAGS; }

    public int run(ParsedArgs args, Context context) {
        if (args.positional().size() != 1) {
            throw new CliException("\"network create\" requires exactly 1 argument");
        }
        if (args.all("subnet").size() > 1) {
            throw new CliException("only one --subnet per network is supported");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (String label : args.all("label")) {
            int equals = label.indexOf('=');
            labels.put(equals < 0 ? label : label.substring(0, equals), equals < 0 ? "" : label.substring(equals + 1));
        }
        String id = new NetworkService(context.layout(), context.env()).create(args.positional().getFirst(),
                args.value("driver").orElse("bridge"), args.value("subnet"), args.value("gateway"), labels).id();
        context.out().println(id);
        return 0;
    }
}
