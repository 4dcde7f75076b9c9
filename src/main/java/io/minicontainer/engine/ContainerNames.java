package io.minicontainer.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Container names: docker's rule for what a name may be, readable random defaults, and a
 * registry where a name is a file created with O_EXCL, so two CLIs can never take the same one.
 */
final class ContainerNames {
    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    private static final List<String> ADJECTIVES = List.of(
            "agile", "bold", "brave", "calm", "clever", "eager", "fervent", "focused", "gentle", "happy",
            "keen", "kind", "lucid", "merry", "modest", "nifty", "patient", "quiet", "quirky", "relaxed",
            "serene", "sharp", "steady", "sweet", "tender", "trusting", "upbeat", "vibrant", "wise", "zealous");
    private static final List<String> SCIENTISTS = List.of(
            "babbage", "bell", "curie", "darwin", "dijkstra", "einstein", "euler", "fermi", "franklin", "gauss",
            "goodall", "hamilton", "hopper", "hypatia", "kepler", "knuth", "lamport", "lovelace", "mayer",
            "mccarthy", "meitner", "newton", "noether", "pascal", "ritchie", "shannon", "tesla", "thompson",
            "torvalds", "turing");

    private final Path dir;
    private final RandomGenerator random;

    ContainerNames(Path dir, RandomGenerator random) {
        this.dir = dir;
        this.random = random;
    }

    static void validate(String name) {
        if (!VALID.matcher(name).matches()) {
            throw new EngineException("invalid container name \"" + name
                    + "\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
    }

    /** Takes {@code name} for container {@code id}; fails when another container has it. */
    Path claim(String name, String id) {
        validate(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("create " + dir + ": " + e.getMessage(), e);
        }
        try {
            Path file = dir.resolve(name);
            Files.writeString(Files.createFile(file), id, StandardCharsets.UTF_8);
            return file;
        } catch (FileAlreadyExistsException e) {
            throw new EngineException("the container name \"" + name + "\" is already in use");
        } catch (IOException e) {
            throw new UncheckedIOException("claim name " + name + ": " + e.getMessage(), e);
        }
    }

    /** A free random name such as {@code focused_turing}, claimed for {@code id}. */
    Path claimRandom(String id) {
        for (int attempt = 0; ; attempt++) {
            String name = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "_"
                    + SCIENTISTS.get(random.nextInt(SCIENTISTS.size()));
            if (attempt > 10) {
                name += random.nextInt(10);
            }
            try {
                return claim(name, id);
            } catch (EngineException taken) {
                // try another
            }
        }
    }
}
