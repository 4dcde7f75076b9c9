package io.minicontainer.cli;

import io.minicontainer.cgroups.Cgroups;
import io.minicontainer.engine.ContainerLayout;
import io.minicontainer.engine.Lifecycle;
import io.minicontainer.runtime.Launcher;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/** What every command gets: the data directories, the caller's environment, the output streams. */
record Context(ContainerLayout layout, Map<String, String> env, PrintStream out, PrintStream err) {

    Launcher launcher() {
        return new Launcher(helperPath());
    }

    Lifecycle lifecycle() {
        return new Lifecycle(layout, launcher(), cgroups(), env);
    }

    /** Containers' cgroups go under {@code $MINICONTAINER_CGROUP_PARENT} (default minicontainer) in each hierarchy. */
    Cgroups cgroups() {
        return Cgroups.forHost(env.getOrDefault("MINICONTAINER_CGROUP_PARENT", "minicontainer"));
    }

    /** The launcher names the helper; otherwise it sits next to the jar (or target/classes). */
    private static Path helperPath() {
        String configured = System.getProperty("minicontainer.helper");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            Path code = Path.of(Context.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent().resolve("minicontainer-helper");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
