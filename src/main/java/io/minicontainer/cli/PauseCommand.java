package io.minicontainer.cli;

import io.minicontainer.cgroups.Cgroups;
import io.minicontainer.engine.ContainerCgroups;
import io.minicontainer.engine.HostCpus;
import io.minicontainer.engine.ResourceControl;
import java.util.List;
import java.util.function.Function;

/** {@code minicontainer pause|unpause CONTAINER...}: freezes or thaws every process of a container (its cgroup). */
final class PauseCommand implements Command {
    private static final List<Flag> FLAGS = List.of(Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    private final boolean pause;
    private final Function<Context, Cgroups> cgroups;

    private PauseCommand(boolean pause, Function<Context, Cgroups> cgroups) {
        this.pause = pause;
        this.cgroups = cgroups;
    }

    static PauseCommand pause() {
        return pause(Context::cgroups);
    }

    static PauseCommand unpause() {
        return unpause(Context::cgroups);
    }

    /** With the host's cgroups from elsewhere (tests). */
    static PauseCommand pause(Function<Context, Cgroups> cgroups) {
        return new PauseCommand(true, cgroups);
    }

    static PauseCommand unpause(Function<Context, Cgroups> cgroups) {
        return new PauseCommand(false, cgroups);
    }

    public String name() { return pause ? "pause" : "unpause"; }
    public String summary() { return (pause ? "Pause" : "Unpause") + " all processes within one or more containers"; }
    public String usage() { return name() + " CONTAINER [CONTAINER...]"; }
    public List<Flag> flags() { return FLAGS; }
    public boolean flagsAnywhere() { return true; }

    public int run(ParsedArgs args, Context context) {
        if (args.positional().isEmpty()) {
            throw new CliException("\"" + name() + "\" requires at least 1 argument");
        }
        ResourceControl control = new ResourceControl(context.layout().containers(),
                new ContainerCgroups(cgroups.apply(context)), HostCpus.current());
        return Containers.forEach(name(), args.positional(), context, (ref, container) -> {
            if (pause) {
                control.pause(container);
            } else {
                control.unpause(container);
            }
            context.out().println(ref);
        });
    }
}
