package io.minicontainer.engine.volume;

import io.minicontainer.oci.Spec;
import io.minicontainer.oci.SpecJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Which containers on record use which volumes: a container uses a volume when its config.json
 * mounts the volume's data directory, whether it is running or stopped.
 */
final class VolumesInUse {
    private VolumesInUse() {}

    /** Volume name → ids of the containers that mount it, by container id. */
    static Map<String, List<String>> byVolume(Path containersDir, Function<String, Optional<String>> volumeOfSource) {
        Map<String, List<String>> users = new TreeMap<>();
        if (!Files.isDirectory(containersDir)) {
            return users;
        }
        try (Stream<Path> containers = Files.list(containersDir)) {
            for (Path dir : containers.sorted().toList()) {
                String id = dir.getFileName().toString();
                for (Spec.Mount mount : mounts(dir.resolve("config.json"))) {
                    volumeOfSource.apply(mount.source()).ifPresent(name -> {
                        List<String> ids = users.computeIfAbsent(name, k -> new ArrayList<>());
                        if (!ids.contains(id)) {
                            ids.add(id);
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("list containers: " + e.getMessage(), e);
        }
        return users;
    }

    private static List<Spec.Mount> mounts(Path config) {
        try {
            return SpecJson.read(Files.readString(config)).mounts();
        } catch (IOException | RuntimeException e) {
            return List.of(); // a container being created or removed right now
        }
    }
}
