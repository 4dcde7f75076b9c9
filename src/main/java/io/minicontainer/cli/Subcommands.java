package io.minicontainer.cli;

import java.util.Map;

/** A command group's dispatch (volume, network, container): the subcommand parses the rest of the line. */
final class Subcommands {
    private Subcommands() {}

    static int dispatch(String group, Map<String, Command> subcommands, ParsedArgs args, Context context) {
        if (args.positional().isEmpty()) {
            throw new CliException("\"" + group + "\" requires a subcommand: " + String.join(", ", subcommands.keySet()));
        }
        String name = args.positional().getFirst();
        Command sub = subcommands.get(name);
        if (sub == null) {
            throw new CliException("unknown " + group + " command \"" + name + "\"");
        }
        ParsedArgs parsed;
        try {
            parsed = new ArgParser(sub.flags(), sub.flagsAnywhere())
                    .parse(args.positional().subList(1, args.positional().size()));
        } catch (CliException e) {
            throw new CliException(e.getMessage() + " (see 'minicontainer " + group + " " + name + " --help')");
        }
        if (parsed.bool("help")) {
            context.out().print(Help.command(sub));
            return 0;
        }
        return sub.run(parsed, context);
    }
}
