package io.minicontainer.cli;

import io.minicontainer.engine.ImageService;
import io.minicontainer.json.Json;
import io.minicontainer.state.StateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code minicontainer inspect [-f TEMPLATE] NAME...}: containers first, then images, as docker looks them up. */
final class InspectCommand implements Command {
    static final List<Flag> FLAGS = List.of(
            Flag.value("format", 'f', "TEMPLATE", "Print a Go template per object, e.g. '{{.State.Pid}}'"),
            Flag.value("type", Flag.NO_SHORTHAND, "TYPE", "Only look for a container or an image"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "inspect"; }
    public String summary() { return "Show low-level information on containers and images"; }
    public String usage() { return "inspect [OPTIONS] NAME [NAME...]"; }
    public List<Flag> flags() { return FLAGS; }
    public boolean flagsAnywhere() { return true; }

    public int run(ParsedArgs args, Context context) {
        if (args.positional().isEmpty()) {
            throw new CliException("\"inspect\" requires at least 1 argument");
        }
        String type = args.value("type").orElse("");
        if (!List.of("", "container", "image").contains(type)) {
            throw new CliException("\"" + type + "\" is not a valid value for --type");
        }
        Optional<GoTemplate> template = args.value("format").map(GoTemplate::parse);
        List<Object> documents = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : args.positional()) {
            find(name, type, context).ifPresentOrElse(documents::add, () -> missing.add(name));
        }
        if (template.isPresent()) {
            documents.forEach(document -> context.out().println(template.get().execute(document)));
        } else {
            context.out().println(Json.writePretty(documents));
        }
        String what = type.isEmpty() ? "object" : type;
        missing.forEach(name -> context.err().println("minicontainer: no such " + what + ": " + name));
        return missing.isEmpty() ? 0 : 1;
    }

    private static Optional<Map<String, Object>> find(String name, String type, Context context) {
        if (!type.equals("image")) {
            try {
                var container = context.layout().containers().find(name);
                return Optional.of(ContainerViews.inspect(container, context.lifecycle().paused(container)));
            } catch (StateException notAContainer) {
                if (type.equals("container")) {
                    return Optional.empty();
                }
            }
        }
        ImageService images = Images.quiet(context);
        return images.find(name).map(image -> ImageCommand.document(image, images.config(image)));
    }
}
