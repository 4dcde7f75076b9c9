package io.minicontainer.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a test's containers may have left on the host: mounts that name the test's data root, and
 * processes whose mount table does (every container's root is an overlay whose upper dir is there),
 * and monitors, whose command line names a launch plan there.
 */
final class Leftovers {
    private Leftovers() {}

    /**
     * A test's containers belong on a bridge of the test's own, never on the host's default one: leases (made by
     * the first attach) on a default network whose device is minicontainer0.
     */
    static boolean usedTheHostsDefaultBridge(Path root) throws IOException {
        Path network = root.resolve("networks/bridge");
        return Files.isDirectory(network.resolve("leases"))
                && Files.readString(network.resolve("network.json")).contains("\"minicontainer0\"");
    }

    static List<String> mounts(Path root) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .filter(line -> line.contains(root.toString())).toList();
    }

    static List<Long> processes(Path root) throws IOException {
        List<Long> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                if (mountTableMentions(proc, root.toString()) || commandLineMentions(proc, root.toString())) {
                    found.add(Long.parseLong(proc.getFileName().toString()));
                }
            }
        }
        return found;
    }

    private static boolean mountTableMentions(Path proc, String root) {
        try {
            return Files.readString(proc.resolve("mountinfo")).contains(root);
        } catch (IOException | RuntimeException e) {
            return false; // the process is gone
        }
    }

    /** Container cgroups under a test's cgroup parent, on any hierarchy (v1 controllers or v2). */
    static List<String> cgroups(String parent) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path dir : parentDirs(parent)) {
            try (Stream<Path> children = Files.list(dir)) {
                children.filter(Files::isDirectory).forEach(child -> found.add(child.toString()));
            }
        }
        return found;
    }

    /** The parent directories themselves, once empty (rmdir: a cgroup directory cannot be deleted otherwise). */
    static void removeCgroupParent(String parent) throws IOException {
        for (Path dir : parentDirs(parent)) {
            Files.deleteIfExists(dir);
        }
    }

    private static List<Path> parentDirs(String parent) throws IOException {
        List<Path> dirs = new ArrayList<>();
        Path root = Path.of("/sys/fs/cgroup");
        if (Files.isDirectory(root.resolve(parent))) {
            dirs.add(root.resolve(parent));
        }
        try (Stream<Path> hierarchies = Files.list(root)) {
            for (Path hierarchy : hierarchies.toList()) {
                if (Files.isDirectory(hierarchy.resolve(parent))) {
                    dirs.add(hierarchy.resolve(parent));
                }
            }
        }
        return dirs;
    }

    /** Monitors: their launch plan lies under the data root. */
    private static boolean commandLineMentions(Path proc, String root) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline"))).contains(root);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Container directories, lock files and names still on record under the data root. */
    static List<String> records(Path root) throws IOException {
        List<String> names = new ArrayList<>();
        for (String dir : List.of("containers", "containers/.locks", "names")) {
            Path path = root.resolve(dir);
            if (Files.isDirectory(path)) {
                try (Stream<Path> entries = Files.list(path)) {
                    entries.filter(entry -> !entry.getFileName().toString().equals(".locks"))
                            .forEach(entry -> names.add(dir + "/" + entry.getFileName()));
                }
            }
        }
        return names;
    }
}
