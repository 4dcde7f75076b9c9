package io.minicontainer.engine.volume;

import io.minicontainer.engine.EngineException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code volume ls --filter}: dangling=true|false, name=PART, driver=local, label=KEY[=VALUE].
 * As in docker, values of one key are alternatives and different keys must all match.
 */
public final class VolumeFilter {
    private static final Set<String> KEYS = Set.of("dangling", "name", "driver", "label");
    private final Map<String, List<String>> values;

    private VolumeFilter(Map<String, List<String>> values) {
        this.values = values;
    }

    public static VolumeFilter parse(List<String> filters) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String filter : filters) {
            int eq = filter.indexOf('=');
            if (eq <= 0) {
                throw new EngineException("bad format of filter (expected name=value)");
            }
            String key = filter.substring(0, eq);
            String value = filter.substring(eq + 1);
            if (!KEYS.contains(key)) {
                throw new EngineException("invalid filter '" + key + "'");
            }
            if (key.equals("dangling") && !List.of("true", "false", "1", "0").contains(value)) {
                throw new EngineException("invalid filter 'dangling=" + value + "'");
            }
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return new VolumeFilter(values);
    }

    /** {@code inUse}: some container on record mounts it (the opposite of dangling). */
    public boolean matches(Volume volume, boolean inUse) {
        return values.entrySet().stream().allMatch(e -> e.getValue().stream()
                .anyMatch(value -> matches(e.getKey(), value, volume, inUse)));
    }

    private static boolean matches(String key, String value, Volume volume, boolean inUse) {
        return switch (key) {
            case "dangling" -> inUse != (value.equals("true") || value.equals("1"));
            case "name" -> nameMatches(volume.name(), value);
            case "driver" -> value.equals("local");
            default -> labelMatches(volume.labels(), value);
        };
    }

    /** docker matches names as a regular expression, which for plain text is "contains". */
    private static boolean nameMatches(String name, String pattern) {
        try {
            return Pattern.compile(pattern).matcher(name).find();
        } catch (PatternSyntaxException e) {
            return name.contains(pattern);
        }
    }

    private static boolean labelMatches(Map<String, String> labels, String filter) {
        int eq = filter.indexOf('=');
        return eq < 0 ? labels.containsKey(filter) : filter.substring(eq + 1).equals(labels.get(filter.substring(0, eq)));
    }
}
