package io.minicontainer.cli;

import io.minicontainer.engine.NetworkService;
import io.minicontainer.network.Network;
import java.util.List;

/** {@code network ls [-q] [--no-trunc] [-f name=|id=|driver=]}: docker's columns. */
final class NetworkLsCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.bool("quiet", 'q', "Only display network IDs"),
            Flag.bool("no-trunc", Flag.NO_SHORTHAND, "Do not truncate the output"),
            Flag.value("filter", 'f', "FILTER", "name=PART, id=PREFIX, driver=DRIVER"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "network ls"; }
    public String summary() { return "List networks"; }
    public String usage() { return "network ls [OPTIONS]"; }
    public List<Flag> flags() { return FLAGS; }

    public int run(ParsedArgs args, Context context) {
        if (!args.positional().isEmpty()) {
            throw new CliException("\"network ls\" accepts no arguments");
        }
        List<String> filters = args.all("filter");
        List<Network> shown = new NetworkService(context.layout(), context.env()).list().stream()
                .filter(network -> filters.stream().allMatch(filter -> matches(network, filter))).toList();
        boolean full = args.bool("no-trunc");
        if (args.bool("quiet")) {
            shown.forEach(network -> context.out().println(full ? network.id() : network.shortId()));
            return 0;
        }
        Table table = new Table(List.of("NETWORK ID", "NAME", "DRIVER", "SCOPE"));
        shown.forEach(network -> table.add(List.of(full ? network.id() : network.shortId(), network.name(),
                network.driver(), "local")));
        context.out().print(table);
        return 0;
    }

    private static boolean matches(Network network, String filter) {
        int equals = filter.indexOf('=');
        if (equals < 0) {
            throw new CliException("bad format of filter (expected name=value): " + filter);
        }
        String value = filter.substring(equals + 1);
        return switch (filter.substring(0, equals)) {
            case "name" -> network.name().contains(value);
            case "id" -> network.id().startsWith(value);
            case "driver" -> network.driver().equals(value);
            default -> throw new CliException("invalid filter '" + filter.substring(0, equals) + "'");
        };
    }
}
