package io.minicontainer.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code minicontainer container ls|rm|stop|...}: docker's container management group. */
final class ContainerCommand implements Command {
    private static final Map<String, String> ALIASES = Map.of("ls", "ps", "list", "ps", "remove", "rm");

    private final Map<String, Command> delegates = new LinkedHashMap<>();

    ContainerCommand(List<Command> commands) {
        for (String sub : List.of("ls", "ps", "run", "start", "stop", "restart", "kill", "wait", "rm", "logs",
                "exec", "attach", "inspect", "stats", "update", "pause", "unpause")) {
            String target = ALIASES.getOrDefault(sub, sub);
            commands.stream().filter(c -> c.name().equals(target)).findFirst().ifPresent(c -> delegates.put(sub, c));
        }
        delegates.put("prune", PruneCommand.containers());
    }

    public String name() { return "container"; }
    public String summary() { return "Manage containers (" + String.join(", ", delegates.keySet()) + ")"; }
    public String usage() { return "container " + String.join("|", delegates.keySet()) + " ..."; }
    public List<Flag> flags() { return List.of(Flag.bool("help", Flag.NO_SHORTHAND, "Print usage")); }

    public int run(ParsedArgs args, Context context) {
        return Subcommands.dispatch("container", delegates, args, context);
    }
}
