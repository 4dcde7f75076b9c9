package io.minicontainer.cgroups;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A directory laid out as a cgroup2 mount: the root's files, and each new cgroup filled with the
 * files the kernel would show (minus any a test says the kernel lacks).
 */
final class V2Fixture {
    static final Timeouts SHORT = new Timeouts(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(50));

    final Path root;
    /** Files the kernel "does not have" in cgroups made from now on. */
    final Set<String> missing = new HashSet<>();
    /** When false, new cgroups get no files at all (a mkdir that did not become a cgroup). */
    boolean populate = true;

    V2Fixture(Path root, String controllers) {
        this.root = root;
        write(root.resolve("cgroup.controllers"), controllers + "\n");
        write(root.resolve("cgroup.subtree_control"), "\n");
        write(root.resolve("cgroup.procs"), "1\n");
    }

    Cgroups cgroups(String parent) {
        return new CgroupsV2(root, parent, SHORT, this::kernelFiles);
    }

    private void kernelFiles(Path dir) {
        if (!populate) {
            return;
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("cgroup.controllers", read(root.resolve("cgroup.controllers")));
        files.put("cgroup.subtree_control", "\n");
        files.put("cgroup.procs", "");
        files.put("cgroup.events", "populated 0\nfrozen 0\n");
        files.put("cgroup.freeze", "0\n");
        files.put("cgroup.kill", "");
        files.put("memory.max", "max\n");
        files.put("memory.swap.max", "max\n");
        files.put("memory.low", "0\n");
        files.put("memory.current", "0\n");
        files.put("memory.stat", "anon 0\nfile 0\ninactive_file 0\n");
        files.put("memory.events", "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\n");
        files.put("cpu.max", "max 100000\n");
        files.put("cpu.weight", "100\n");
        files.put("cpu.stat", "usage_usec 0\nuser_usec 0\nsystem_usec 0\n");
        files.put("cpuset.cpus", "\n");
        files.put("pids.max", "max\n");
        files.put("pids.current", "0\n");
        files.put("io.stat", "");
        files.forEach((name, text) -> {
            if (!missing.contains(name)) {
                write(dir.resolve(name), text);
            }
        });
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties a cgroup directory as rmdir on cgroupfs would not need: a plain file system cannot rmdir it otherwise. */
    static void removeFiles(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file)) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
