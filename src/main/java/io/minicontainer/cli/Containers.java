package io.minicontainer.cli;

import io.minicontainer.cgroups.CgroupException;
import io.minicontainer.engine.EngineException;
import io.minicontainer.state.Container;
import io.minicontainer.state.StateException;
import java.util.List;
import java.util.function.BiConsumer;

/** The commands taking CONTAINER...: each one is tried; failures are reported and the rest go on, as in docker. */
final class Containers {
    private Containers() {}

    /**
     * Runs {@code action} on each (with the name as given, which docker echoes); 0 if all
     * succeeded, else 1 after one line per failure.
     */
    static int forEach(String command, List<String> refs, Context context, BiConsumer<String, Container> action) {
        if (refs.isEmpty()) {
            throw new CliException("\"" + command + "\" requires at least 1 argument");
        }
        int code = 0;
        for (String ref : refs) {
            try {
                action.accept(ref, context.lifecycle().find(ref));
            } catch (StateException | EngineException | CgroupException e) {
                context.err().println("minicontainer: " + e.getMessage());
                code = 1;
            }
        }
        return code;
    }
}
