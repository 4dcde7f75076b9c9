package io.minicontainer.cli;

import io.minicontainer.engine.volume.VolumeNames;
import io.minicontainer.engine.volume.VolumeStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code volume create [--label K=V] [NAME]}: prints the name; an existing volume is fine, as in docker. */
final class VolumeCreateCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.value("label", Flag.NO_SHORTHAND, "K=V", "Set metadata for a volume"),
            Flag.value("driver", 'd', "NAME", "Volume driver name (only \"local\")"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "volume create"; }
    public String summary() { return "Create a volume"; }
    public String usage() { return "volume create [OPTIONS] [VOLUME]"; }
    public List<Flag> flags() { return FLAGS; }

    public int run(ParsedArgs args, Context context) {
        if (args.positional().size() > 1) {
            throw new CliException("\"volume create\" requires at most 1 argument");
        }
        String driver = args.value("driver").orElse("local");
        if (!driver.equals("local")) {
            throw new CliException("volume driver \"" + driver + "\" is not supported: only \"local\" is");
        }
        String name = args.positional().isEmpty() ? VolumeNames.random() : args.positional().getFirst();
        new VolumeStore(context.layout()).create(name, labels(args.all("label")));
        context.out().println(name);
        return 0;
    }

    /** docker's labels: {@code K=V}, or {@code K} for an empty value; an empty key is an error. */
    static Map<String, String> labels(List<String> given) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String label : given) {
            int eq = label.indexOf('=');
            String key = eq < 0 ? label : label.substring(0, eq);
            if (key.isBlank()) {
                throw new CliException("invalid label '" + label + "': empty name");
            }
            labels.put(key, eq < 0 ? "" : label.substring(eq + 1));
        }
        return labels;
    }
}
