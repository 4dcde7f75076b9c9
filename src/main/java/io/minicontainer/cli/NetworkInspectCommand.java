package io.minicontainer.cli;

import io.minicontainer.engine.NetworkService;
import io.minicontainer.json.Json;
import io.minicontainer.network.NetworkException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code network inspect NETWORK...}: docker's documents in a JSON array; a missing one is an error line, exit 1. */
final class NetworkInspectCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.value("format", 'f', "TEMPLATE", "Format the output with a Go template"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "network inspect"; }
    public String summary() { return "Display detailed information on one or more networks"; }
    public String usage() { return "network inspect [OPTIONS] NETWORK [NETWORK...]"; }
    public List<Flag> flags() { return FLAGS; }

    public int run(ParsedArgs args, Context context) {
        if (args.positional().isEmpty()) {
            throw new CliException("\"network inspect\" requires at least 1 argument");
        }
        NetworkService networks = new NetworkService(context.layout(), context.env());
        List<Map<String, Object>> documents = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String ref : args.positional()) {
            try {
                documents.add(networks.inspect(networks.find(ref)));
            } catch (NetworkException e) {
                missing.add(e.getMessage());
            }
        }
        if (args.value("format").isPresent()) {
            GoTemplate template = GoTemplate.parse(args.value("format").get());
            documents.forEach(document -> context.out().println(template.execute(document)));
        } else {
            context.out().println(Json.writePretty(documents));
        }
        missing.forEach(message -> context.err().println("Error: " + message));
        return missing.isEmpty() ? 0 : 1;
    }
}
