package io.minicontainer.cli;

import io.minicontainer.cgroups.Cgroups;
import io.minicontainer.engine.ContainerCgroups;
import io.minicontainer.engine.HostCpus;
import io.minicontainer.engine.HostResources;
import io.minicontainer.engine.ResourceControl;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** {@code minicontainer update [OPTIONS] CONTAINER...}: new resource limits, recorded and (while running) applied. */
final class UpdateCommand implements Command {
    private static final List<Flag> FLAGS = withHelp(ResourceOptions.FLAGS);

    private final Function<Context, Cgroups> cgroups;

    UpdateCommand() {
        this(Context::cgroups);
    }

    /** With the host's cgroups from elsewhere (tests). */
    UpdateCommand(Function<Context, Cgroups> cgroups) {
        this.cgroups = cgroups;
    }

    private static List<Flag> withHelp(List<Flag> resourceFlags) {
        List<Flag> flags = new ArrayList<>(resourceFlags);
        flags.add(Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));
        return List.copyOf(flags);
    }

    public String name() { return "update"; }
    public String summary() { return "Update configuration of one or more containers"; }
    public String usage() { return "update [OPTIONS] CONTAINER [CONTAINER...]"; }
    public List<Flag> flags() { return FLAGS; }
    public boolean flagsAnywhere() { return true; }

    public int run(ParsedArgs args, Context context) {
        if (args.positional().isEmpty()) {
            throw new CliException("\"update\" requires at least 1 argument");
        }
        if (ResourceOptions.given(args).isEmpty()) {
            throw new CliException("you must provide one or more flags when using this command");
        }
        HostResources requested = ResourceOptions.forUpdate(args);
        ResourceControl control = new ResourceControl(context.layout().containers(),
                new ContainerCgroups(cgroups.apply(context)), HostCpus.current());
        return Containers.forEach(name(), args.positional(), context, (ref, container) -> {
            control.update(container, requested);
            context.out().println(ref);
        });
    }
}
