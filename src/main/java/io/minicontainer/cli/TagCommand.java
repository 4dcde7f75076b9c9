package io.minicontainer.cli;

import java.util.List;

/** {@code minicontainer tag SOURCE TARGET}: another name for an image. */
final class TagCommand implements Command {
    public String name() { return "tag"; }
    public String summary() { return "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE"; }
    public String usage() { return "tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]"; }
    public List<Flag> flags() { return List.of(Flag.bool("help", Flag.NO_SHORTHAND, "Print usage")); }

    public int run(ParsedArgs args, Context context) {
        if (args.positional().size() != 2) {
            throw new CliException("\"tag\" requires exactly 2 arguments");
        }
        Images.quiet(context).tag(args.positional().get(0), args.positional().get(1));
        return 0;
    }
}
