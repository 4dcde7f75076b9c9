package io.minicontainer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cgroup parent of unit tests whose dry runs create containers (and so, as root, their cgroups):
 * removed afterwards, children first. A dry run starts nothing, so each cgroup is empty and rmdir works.
 */
final class TestCgroupParent {
    static final String NAME = "mc-unit-" + ProcessHandle.current().pid();
    private static final Path ROOT = Path.of("/sys/fs/cgroup");

    private TestCgroupParent() {}

    static void removeAll() throws IOException {
        for (Path parent : parents()) {
            try (Stream<Path> children = Files.list(parent)) {
                for (Path child : children.filter(Files::isDirectory).toList()) {
                    Files.delete(child);
                }
            }
            Files.delete(parent);
        }
    }

    private static List<Path> parents() throws IOException {
        List<Path> parents = new ArrayList<>();
        if (Files.isDirectory(ROOT.resolve(NAME))) {
            parents.add(ROOT.resolve(NAME));
        }
        if (Files.isDirectory(ROOT)) {
            try (Stream<Path> hierarchies = Files.list(ROOT)) {
                hierarchies.map(h -> h.resolve(NAME)).filter(Files::isDirectory).forEach(parents::add);
            }
        }
        return parents;
    }
}
