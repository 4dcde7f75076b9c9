package io.minicontainer.cli;

import java.util.List;
import java.util.Optional;

/**
 * Parses flags the way docker's CLI (pflag) does: {@code --name x}, {@code --name=x},
 * {@code -it} (grouped shorthands), {@code -eK=V} and {@code -e K=V}, {@code --} to end flags.
 * Parsing stops at the first argument that is not a flag (the rest belongs to the container's
 * command), unless the command takes flags anywhere, as docker's {@code rm NAME -f} does.
 */
final class ArgParser {
    private final List<Flag> flags;
    private final boolean interspersed;

    ArgParser(List<Flag> flags) {
        this(flags, false);
    }

    ArgParser(List<Flag> flags, boolean interspersed) {
        this.flags = flags;
        this.interspersed = interspersed;
    }

    ParsedArgs parse(List<String> args) {
        ParsedArgs parsed = new ParsedArgs();
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (arg.startsWith("--")) {
                i = parseLong(args, i, parsed);
            } else if (arg.startsWith("-") && arg.length() > 1) {
                i = parseShorthands(args, i, parsed);
            } else if (interspersed) {
                parsed.addPositional(arg);
                i++;
            } else {
                break;
            }
        }
        args.subList(i, args.size()).forEach(parsed::addPositional);
        return parsed;
    }

    private int parseLong(List<String> args, int i, ParsedArgs parsed) {
        String body = args.get(i).substring(2);
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        Flag flag = byName(name).orElseThrow(() -> new CliException("unknown flag: --" + name));
        if (eq >= 0) {
            parsed.add(flag, checkedBool(flag, body.substring(eq + 1)));
            return i + 1;
        }
        if (!flag.takesValue()) {
            parsed.add(flag, "true");
            return i + 1;
        }
        if (i + 1 >= args.size()) {
            throw new CliException("flag needs an argument: --" + name);
        }
        parsed.add(flag, args.get(i + 1));
        return i + 2;
    }

    /** {@code -it}, {@code -e K=V}, {@code -eK=V}, {@code -e=K=V}. */
    private int parseShorthands(List<String> args, int i, ParsedArgs parsed) {
        String group = args.get(i).substring(1);
        for (int c = 0; c < group.length(); c++) {
            char letter = group.charAt(c);
            String remaining = group.substring(c); // pflag names the group from the failing letter on
            Flag flag = byShorthand(letter).orElseThrow(() -> new CliException(
                    "unknown shorthand flag: '" + letter + "' in -" + remaining));
            String rest = group.substring(c + 1);
            if (!flag.takesValue() && rest.startsWith("=")) {
                parsed.add(flag, checkedBool(flag, rest.substring(1)));
                return i + 1;
            }
            if (!flag.takesValue()) {
                parsed.add(flag, "true");
                continue;
            }
            if (!rest.isEmpty()) {
                parsed.add(flag, rest.startsWith("=") ? rest.substring(1) : rest);
                return i + 1;
            }
            if (i + 1 >= args.size()) {
                throw new CliException("flag needs an argument: '" + letter + "' in -" + remaining);
            }
            parsed.add(flag, args.get(i + 1));
            return i + 2;
        }
        return i + 1;
    }

    private static String checkedBool(Flag flag, String value) {
        if (!flag.takesValue() && !value.equals("true") && !value.equals("false")) {
            throw new CliException("invalid argument \"" + value + "\" for \"--" + flag.name() + "\" flag");
        }
        return value;
    }

    private Optional<Flag> byName(String name) {
        return flags.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private Optional<Flag> byShorthand(char letter) {
        return flags.stream().filter(f -> f.shorthand() == letter).findFirst();
    }
}
