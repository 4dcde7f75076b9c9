package io.minicontainer.json;

/**
 * Dependency-free JSON (RFC 8259) reading and writing.
 *
 * <p>Parsed values are plain Java objects: {@code LinkedHashMap<String,Object>}, {@code ArrayList<Object>},
 * {@code String}, {@code Long} (integer literals that fit), {@code Double} (other numbers), {@code Boolean}
 * and {@code null}. Use {@link JsonObject} for typed access with readable error messages.
 */
public final class Json {

    /** Deepest nesting of objects and arrays accepted by {@link #parse} and produced by the writers. */
    public static final int MAX_DEPTH = 512;

    private Json() {
    }

    /**
     * Parses one JSON value; whitespace may surround it, anything else after it is an error.
     *
     * @throws JsonException with line and column if the text is not valid JSON
     */
    public static Object parse(String text) {
        return new JsonParser(text).parseDocument();
    }

    /** Compact JSON text for {@code value}; see {@link JsonWriter} for the accepted types. */
    public static String write(Object value) {
        return JsonWriter.write(value, false);
    }

    /** JSON text indented by two spaces, without a trailing newline. */
    public static String writePretty(Object value) {
        return JsonWriter.write(value, true);
    }
}
