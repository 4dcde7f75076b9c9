package io.minicontainer.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Flags as given (by long name, in order) and the arguments after them. */
final class ParsedArgs {
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    void add(Flag flag, String value) {
        values.computeIfAbsent(flag.name(), k -> new ArrayList<>()).add(value);
    }

    void addPositional(String arg) {
        positional.add(arg);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** A boolean flag: {@code --rm}, {@code --rm=true}, {@code --rm=false}; the last one wins. */
    boolean bool(String name) {
        List<String> given = values.getOrDefault(name, List.of());
        return !given.isEmpty() && !given.getLast().equals("false");
    }

    /** A single-valued flag: the last occurrence wins, as in docker. */
    Optional<String> value(String name) {
        List<String> given = values.getOrDefault(name, List.of());
        return given.isEmpty() ? Optional.empty() : Optional.of(given.getLast());
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    List<String> positional() {
        return positional;
    }
}
