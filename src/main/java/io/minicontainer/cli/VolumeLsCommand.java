package io.minicontainer.cli;

import io.minicontainer.engine.volume.Volume;
import io.minicontainer.engine.volume.VolumeFilter;
import io.minicontainer.engine.volume.VolumeStore;
import java.util.List;
import java.util.Map;

/** {@code volume ls [-q] [-f FILTER]}: docker's columns DRIVER and VOLUME NAME, by name. */
final class VolumeLsCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.bool("quiet", 'q', "Only display volume names"),
            Flag.value("filter", 'f', "FILTER", "dangling=true|false, name=PART, driver=local, label=KEY[=VALUE]"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "volume ls"; }
    public String summary() { return "List volumes"; }
    public String usage() { return "volume ls [OPTIONS]"; }
    public List<Flag> flags() { return FLAGS; }

    public int run(ParsedArgs args, Context context) {
        if (!args.positional().isEmpty()) {
            throw new CliException("\"volume ls\" accepts no arguments");
        }
        VolumeFilter filter = VolumeFilter.parse(args.all("filter"));
        VolumeStore store = new VolumeStore(context.layout());
        Map<String, List<String>> users = store.users();
        List<Volume> shown = store.list().stream().filter(v -> filter.matches(v, users.containsKey(v.name()))).toList();
        if (args.bool("quiet")) {
            shown.forEach(volume -> context.out().println(volume.name()));
            return 0;
        }
        Table table = new Table(List.of("DRIVER", "VOLUME NAME"));
        shown.forEach(volume -> table.add(List.of("local", volume.name())));
        context.out().print(table);
        return 0;
    }
}
