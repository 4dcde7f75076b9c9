package io.minicontainer.engine;

import io.minicontainer.json.Json;
import io.minicontainer.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Which images containers on record were made from (image id → a container id), for rmi's refusal. */
final class ImagesInUse {
    private ImagesInUse() {}

    static Map<String, String> byImageId(ContainerLayout layout) {
        Map<String, String> users = new HashMap<>();
        if (!Files.isDirectory(layout.containersDir())) {
            return users;
        }
        try (Stream<Path> containers = Files.list(layout.containersDir())) {
            for (Path dir : containers.toList()) {
                imageId(dir.resolve("config.json")).ifPresent(id -> users.putIfAbsent(id, dir.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new EngineException("list containers: " + e.getMessage(), e);
        }
        return users;
    }

    private static Optional<String> imageId(Path config) {
        try {
            JsonObject spec = JsonObject.of(Json.parse(Files.readString(config)), "config.json");
            String id = spec.object("annotations").string(SpecFactory.IMAGE_ID_ANNOTATION, "");
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a container being created or removed right now
        }
    }
}
