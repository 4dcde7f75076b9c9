package io.minicontainer.cli;

import io.minicontainer.engine.volume.Volume;
import io.minicontainer.engine.volume.VolumeStore;
import io.minicontainer.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code volume inspect NAME...}: a JSON array of docker's documents; a missing volume is an error line, exit 1. */
final class VolumeInspectCommand implements Command {
    private static final List<Flag> FLAGS = List.of(Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "volume inspect"; }
    public String summary() { return "Display detailed information on one or more volumes"; }
    public String usage() { return "volume inspect VOLUME [VOLUME...]"; }
    public List<Flag> flags() { return FLAGS; }

    public int run(ParsedArgs args, Context context) {
        if (args.positional().isEmpty()) {
            throw new CliException("\"volume inspect\" requires at least 1 argument");
        }
        VolumeStore store = new VolumeStore(context.layout());
        List<Map<String, Object>> documents = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : args.positional()) {
            Optional<Volume> volume = store.find(name);
            volume.ifPresentOrElse(v -> documents.add(v.inspect()), () -> missing.add(name));
        }
        context.out().println(Json.writePretty(documents));
        missing.forEach(name -> context.err().println("Error: No such volume: " + name));
        return missing.isEmpty() ? 0 : 1;
    }
}
