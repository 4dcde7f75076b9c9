package io.minicontainer.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code minicontainer volume create|ls|inspect|rm|prune}: docker's volume management group. */
final class VolumeCommand implements Command {
    private static final Map<String, String> ALIASES = Map.of("list", "ls", "remove", "rm");
    private final List<Command> subcommands = List.of(new VolumeCreateCommand(), new VolumeLsCommand(),
            new VolumeInspectCommand(), new VolumeRmCommand(), new VolumePruneCommand(System.in));

    public String name() { return "volume"; }
    public String summary() { return "Manage volumes (create, ls, inspect, rm, prune)"; }
    public String usage() { return "volume create|ls|inspect|rm|prune ..."; }
    public List<Flag> flags() { return List.of(Flag.bool("help", Flag.NO_SHORTHAND, "Print usage")); }

    public int run(ParsedArgs args, Context context) {
        Map<String, Command> byName = new LinkedHashMap<>();
        subcommands.forEach(sub -> byName.put(sub.name().substring("volume ".length()), sub));
        ALIASES.forEach((alias, name) -> byName.put(alias, byName.get(name)));
        return Subcommands.dispatch("volume", byName, args, context);
    }
}
