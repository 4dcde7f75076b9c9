package io.minicontainer.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code minicontainer network create|ls|inspect|rm|prune|connect|disconnect}: docker's network group. */
final class NetworkCommand implements Command {
    private final Map<String, Command> subcommands = new LinkedHashMap<>();

    NetworkCommand() {
        List.of(new NetworkCreateCommand(), new NetworkLsCommand(), new NetworkInspectCommand(), new NetworkRmCommand(),
                new NetworkPruneCommand(System.in), NetworkConnectCommand.connect(), NetworkConnectCommand.disconnect())
                .forEach(sub -> subcommands.put(sub.name().substring("network ".length()), sub));
        subcommands.put("list", subcommands.get("ls"));
        subcommands.put("remove", subcommands.get("rm"));
    }

    public String name() { return "network"; }
    public String summary() { return "Manage networks (create, ls, inspect, rm, prune, connect, disconnect)"; }
    public String usage() { return "network create|ls|inspect|rm|prune|connect|disconnect ..."; }
    public List<Flag> flags() { return List.of(Flag.bool("help", Flag.NO_SHORTHAND, "Print usage")); }

    public int run(ParsedArgs args, Context context) {
        return Subcommands.dispatch("network", subcommands, args, context);
    }
}
