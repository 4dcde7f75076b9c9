package io.minicontainer.cli;

import io.minicontainer.engine.ImageService;
import java.util.List;

/** {@code minicontainer rmi IMAGE...}: untag, and remove what nothing names or uses any more. */
final class RmiCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.bool("force", 'f', "Remove even if a container uses it or it has several names"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "rmi"; }
    public String summary() { return "Remove one or more images"; }
    public String usage() { return "rmi [OPTIONS] IMAGE [IMAGE...]"; }
    public List<Flag> flags() { return FLAGS; }

    public int run(ParsedArgs args, Context context) {
        if (args.positional().isEmpty()) {
            throw new CliException("\"rmi\" requires at least 1 argument");
        }
        ImageService images = Images.quiet(context);
        for (String name : args.positional()) {
            images.remove(name, args.bool("force"), context.layout()).forEach(context.out()::println);
        }
        return 0;
    }
}
