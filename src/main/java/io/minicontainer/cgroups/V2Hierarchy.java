package io.minicontainer.cgroups;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The cgroup2 tree: its root, the parent containers live under, and the controllers each level
 * hands down (a controller reaches a cgroup only when every ancestor lists it in cgroup.subtree_control).
 */
final class V2Hierarchy {
    /** Enabled whenever the host has them: docker stats and OOM reporting read their files. */
    static final Set<String> FOR_STATS = Set.of("memory", "pids", "io");

    private final Path root;
    private final String parent;
    private final Consumer<Path> created;

    /** {@code created}: told of each directory made; tests put the files a kernel would there. */
    V2Hierarchy(Path root, String parent, Consumer<Path> created) {
        this.root = root;
        this.parent = parent;
        this.created = created;
        CgroupNames.parentSegments(parent);
    }

    Path root() {
        return root;
    }

    Path leaf(String name) {
        return CgroupNames.leaf(root, parent, name);
    }

    /** The controllers the kernel offers at the root (cgroup.controllers). */
    Set<String> available() {
        String text = CgroupFiles.read("list cgroup controllers", root.resolve("cgroup.controllers"));
        Set<String> controllers = new TreeSet<>(Arrays.asList(text.strip().split("\\s+")));
        controllers.remove("");
        return controllers;
    }

    /** Fails, naming the first one, when a limit needs a controller the host does not offer. */
    void require(Set<String> needed) {
        Set<String> available = available();
        for (String controller : new TreeSet<>(needed)) {
            if (!available.contains(controller)) {
                throw new CgroupException("cannot limit " + controller + ": the " + controller
                        + " cgroup controller is not available (" + root.resolve("cgroup.controllers") + " has: "
                        + String.join(" ", available) + ")");
            }
        }
    }

    /** The controllers a cgroup gets: those its limits need, plus the ones stats read when the host has them. */
    Set<String> wanted(Set<String> needed) {
        Set<String> wanted = new TreeSet<>(needed);
        Set<String> available = available();
        FOR_STATS.stream().filter(available::contains).forEach(wanted::add);
        return wanted;
    }

    /**
     * Makes the parent's directories and enables {@code controllers} from the root down to the
     * parent, top first (a level can only hand down what it was given).
     */
    void prepareParent(Set<String> controllers) {
        Path dir = root;
        enable(dir, controllers);
        for (String segment : CgroupNames.parentSegments(parent)) {
            dir = dir.resolve(segment);
            mkdir(dir);
            enable(dir, controllers);
        }
    }

    /** Makes the directory; false when it was there already. */
    boolean mkdir(Path dir) {
        boolean made = CgroupFiles.mkdir("create cgroup", dir);
        if (made) {
            created.accept(dir);
        }
        return made;
    }

    /** Writes only what is missing ("+cpu +pids"), so a level that has them all is not written to. */
    private static void enable(Path dir, Set<String> controllers) {
        Path file = dir.resolve("cgroup.subtree_control");
        Set<String> enabled = new LinkedHashSet<>();
        for (String controller : CgroupFiles.read("enable cgroup controllers", file).strip().split("\\s+")) {
            // the kernel lists them bare; a stand-in file holds what was written
            enabled.add(controller.startsWith("+") ? controller.substring(1) : controller);
        }
        List<String> missing = controllers.stream().filter(c -> !enabled.contains(c)).sorted().map(c -> "+" + c)
                .toList();
        if (!missing.isEmpty()) {
            CgroupFiles.write("enable cgroup controllers", file, String.join(" ", missing));
        }
    }
}
