package io.minicontainer.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Read-only typed view over a parsed JSON object, for reading config files.
 *
 * <p>Every error names the source and the dotted path of the offending value, e.g.
 * {@code config.json: process.cwd: expected a string}. A member whose value is JSON {@code null} counts as
 * missing, so optional getters return their fallback for it.
 */
public final class JsonObject {

    private final Map<?, ?> members;
    private final String source;
    /** Dotted path from the document root, empty for the root itself. */
    private final String location;

    private JsonObject(Map<?, ?> members, String source, String location) {
        this.members = members;
        this.source = source;
        this.location = location;
    }

    /**
     * Wraps a value from {@link Json#parse}; {@code source} labels messages, typically the file name.
     *
     * @throws JsonException if {@code parsed} is not an object
     */
    public static JsonObject of(Object parsed, String source) {
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new JsonException(source + ": expected an object");
        }
        return new JsonObject(map, source, "");
    }

    /** Where this object sits, for messages: {@code config.json} for the root, {@code config.json: process} below it. */
    public String path() {
        return describe(location);
    }

    /** Where {@code key} of this object sits, for callers' own validation messages: {@code config.json: process.cwd}. */
    public String pathOf(String key) {
        return describe(child(key));
    }

    /** True if the member is present and not {@code null}. */
    public boolean has(String key) {
        return members.get(key) != null;
    }

    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Object key : members.keySet()) {
            keys.add(String.valueOf(key));
        }
        return Collections.unmodifiableSet(keys);
    }

    /** A required string member. */
    public String string(String key) {
        if (!has(key)) {
            throw new JsonException(describe("missing " + child(key)));
        }
        return string(key, null);
    }

    public String string(String key, String fallback) {
        return switch (members.get(key)) {
            case null -> fallback;
            case String text -> text;
            default -> throw wrongType(child(key), "a string");
        };
    }

    /** An integer member; integral floating-point literals such as {@code 1e3} are accepted too. */
    public long number(String key, long fallback) {
        return switch (members.get(key)) {
            case null -> fallback;
            case Long value -> value;
            case Integer value -> value;
            case Double value when value == Math.rint(value) && Math.abs(value) < 0x1p63 -> value.longValue();
            default -> throw wrongType(child(key), "an integer");
        };
    }

    /**
     * A required unsigned 64-bit integer as a long's bits (18446744073709551615 is -1). The parser
     * holds integers beyond a long as doubles: those at or above 2^64 - 1 round to 2^64, read as -1.
     */
    public long unsignedNumber(String key) {
        return switch (members.get(key)) {
            case null -> throw new JsonException(describe("missing " + child(key)));
            case Long value -> value;
            case Double value when value >= 0x1p64 && value == Math.rint(value) -> -1;
            case Double value when value >= 0x1p63 && value == Math.rint(value) ->
                    new BigDecimal(value).toBigInteger().longValue();
            default -> number(key, 0);
        };
    }

    public boolean bool(String key, boolean fallback) {
        return switch (members.get(key)) {
            case null -> fallback;
            case Boolean value -> value;
            default -> throw wrongType(child(key), "a boolean");
        };
    }

    /** A nested object; an empty view (with the right path) if missing, so callers can chain lookups. */
    public JsonObject object(String key) {
        return nested(members.get(key), child(key));
    }

    /** An array of strings; empty if missing. */
    public List<String> strings(String key) {
        List<?> items = array(key);
        List<String> strings = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof String text)) {
                throw wrongType(element(key, i), "a string");
            }
            strings.add(text);
        }
        return Collections.unmodifiableList(strings);
    }

    /** An array of integers; empty if missing. */
    public List<Long> numbers(String key) {
        List<?> items = array(key);
        List<Long> numbers = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Long number)) {
                throw wrongType(element(key, i), "an integer");
            }
            numbers.add(number);
        }
        return Collections.unmodifiableList(numbers);
    }

    /** An array of objects; empty if missing. Element paths read {@code key[i]}. */
    public List<JsonObject> objects(String key) {
        List<?> items = array(key);
        List<JsonObject> objects = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String elementPath = element(key, i);
            if (!(items.get(i) instanceof Map<?, ?>)) {
                throw wrongType(elementPath, "an object");
            }
            objects.add(nested(items.get(i), elementPath));
        }
        return Collections.unmodifiableList(objects);
    }

    /** An object whose values are all strings, in document order; empty if missing. */
    public Map<String, String> stringMap(String key) {
        JsonObject map = object(key);
        Map<String, String> strings = new LinkedHashMap<>();
        for (Map.Entry<?, ?> member : map.members.entrySet()) {
            String name = String.valueOf(member.getKey());
            if (!(member.getValue() instanceof String text)) {
                throw wrongType(map.child(name), "a string");
            }
            strings.put(name, text);
        }
        return Collections.unmodifiableMap(strings);
    }

    @Override
    public String toString() {
        return "JsonObject[" + path() + "]";
    }

    private List<?> array(String key) {
        return switch (members.get(key)) {
            case null -> List.of();
            case List<?> items -> items;
            default -> throw wrongType(child(key), "an array");
        };
    }

    private JsonObject nested(Object value, String childLocation) {
        return switch (value) {
            case null -> new JsonObject(Map.of(), source, childLocation);
            case Map<?, ?> map -> new JsonObject(map, source, childLocation);
            default -> throw wrongType(childLocation, "an object");
        };
    }

    private String child(String key) {
        return location.isEmpty() ? key : location + "." + key;
    }

    private String element(String key, int index) {
        return child(key) + "[" + index + "]";
    }

    private String describe(String detail) {
        if (detail.isEmpty()) {
            return source;
        }
        return source.isEmpty() ? detail : source + ": " + detail;
    }

    private JsonException wrongType(String valueLocation, String expected) {
        return new JsonException(describe(valueLocation) + ": expected " + expected);
    }
}
