package io.minicontainer.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Environment variables the way docker takes them: {@code -e K=V}, {@code -e K} (the caller's
 * value, or nothing when unset), and {@code --env-file} lines ({@code #} comments, blank lines).
 */
public final class EnvVars {
    private final Map<String, String> vars = new LinkedHashMap<>();

    /** {@code -e VALUE}: empty when {@code VALUE} names a variable the caller does not have. */
    public static Optional<String> parseOption(String value, Map<String, String> callerEnv) {
        int eq = value.indexOf('=');
        String name = eq < 0 ? value : value.substring(0, eq);
        if (name.isEmpty()) {
            throw new EngineException("invalid environment variable: " + value);
        }
        if (eq >= 0) {
            return Optional.of(value);
        }
        return Optional.ofNullable(callerEnv.get(name)).map(v -> name + "=" + v);
    }

    /** The entries of an env file, each already in {@code K=V} form. */
    public static List<String> parseFile(Path file, Map<String, String> callerEnv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new EngineException("open " + file + ": no such file or directory");
        } catch (IOException e) {
            throw new EngineException("read env file " + file + ": " + e.getMessage());
        }
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripLeading();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String name = line.contains("=") ? line.substring(0, line.indexOf('=')) : line.stripTrailing();
            if (name.chars().anyMatch(Character::isWhitespace)) {
                throw new EngineException(file + ":" + (i + 1) + ": variable '" + name + "' contains whitespaces");
            }
            parseOption(line.contains("=") ? line : name, callerEnv).ifPresent(entries::add);
        }
        return entries;
    }

    /** Sets {@code K=V}, replacing an earlier value of K but keeping its position. */
    public EnvVars put(String entry) {
        int eq = entry.indexOf('=');
        vars.put(entry.substring(0, eq), entry.substring(eq + 1));
        return this;
    }

    public EnvVars putIfAbsent(String name, String value) {
        vars.putIfAbsent(name, value);
        return this;
    }

    public List<String> toList() {
        return vars.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
