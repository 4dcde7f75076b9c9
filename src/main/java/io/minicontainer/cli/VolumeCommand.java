package io.minicontainer.cli;

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
        if (args.positional().isEmpty()) {
            throw new CliException("\"volume\" requires a subcommand: create, ls, inspect, rm or prune");
        }
        String name = args.positional().getFirst();
        String wanted = ALIASES.getOrDefault(name, name);
        Command sub = subcommands.stream().filter(c -> c.name().equals("volume " + wanted)).findFirst()
                .orElseThrow(() -> new CliException("unknown volume command \"" + name + "\""));
        ParsedArgs parsed;
        try {
            parsed = new ArgParser(sub.flags(), sub.flagsAnywhere())
                    .parse(args.positional().subList(1, args.positional().size()));
        } catch (CliException e) {
            throw new CliException(e.getMessage() + " (see 'minicontainer " + sub.name() + " --help')");
        }
        if (parsed.bool("help")) {
            context.out().print(Help.command(sub));
            return 0;
        }
        return sub.run(parsed, context);
    }
}
