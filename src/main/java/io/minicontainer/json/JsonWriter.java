package io.minicontainer.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * Serializer behind {@link Json#write} and {@link Json#writePretty}.
 *
 * <p>Accepts {@code null}, {@link CharSequence}, {@link Boolean}, {@link Number}, {@link Enum} (as its name),
 * {@link Map} (keys via {@link String#valueOf}), {@link Collection} and {@code Object[]}; anything else, and
 * NaN or infinite numbers, is a {@link JsonException}.
 */
final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder(256);
    private final boolean pretty;
    private int depth;

    private JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    static String write(Object value, boolean pretty) {
        JsonWriter writer = new JsonWriter(pretty);
        writer.value(value);
        return writer.out.toString();
    }

    // instanceof chains rather than pattern switches: a type switch is bootstrapped at run time
    // (several ms at every CLI start), while instanceof costs nothing.
    private void value(Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence text) {
            string(text);
        } else if (value instanceof Boolean bool) {
            out.append(bool.booleanValue());
        } else if (value instanceof Number number) {
            number(number);
        } else if (value instanceof Enum<?> constant) {
            string(constant.name());
        } else if (value instanceof Map<?, ?> map) {
            object(map);
        } else if (value instanceof Collection<?> items) {
            array(items);
        } else if (value instanceof Object[] items) {
            array(Arrays.asList(items));
        } else {
            throw cannotWrite(value.getClass().getName());
        }
    }

    private void number(Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte || number instanceof BigInteger || number instanceof BigDecimal) {
            out.append(number);
        } else if (number instanceof Float f) {
            out.append(Float.toString(finite(f)));
        } else {
            out.append(Double.toString(finite(number.doubleValue())));
        }
    }

    /** JSON has no NaN or Infinity; writing them would produce text nobody can parse back. */
    private static double finite(double value) {
        if (!Double.isFinite(value)) {
            throw cannotWrite(Double.toString(value));
        }
        return value;
    }

    private static float finite(float value) {
        if (!Float.isFinite(value)) {
            throw cannotWrite(Float.toString(value));
        }
        return value;
    }

    private void object(Map<?, ?> map) {
        enterContainer();
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> member : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newLine();
            string(String.valueOf(member.getKey()));
            out.append(pretty ? ": " : ":");
            value(member.getValue());
        }
        leaveContainer(!map.isEmpty());
        out.append('}');
    }

    private void array(Collection<?> items) {
        enterContainer();
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newLine();
            value(item);
        }
        leaveContainer(!items.isEmpty());
        out.append(']');
    }

    /** Bounded like the parser: deeper output could not be read back, and a cycle would otherwise overflow the stack. */
    private void enterContainer() {
        if (++depth > Json.MAX_DEPTH) {
            throw new JsonException("cannot write JSON nested deeper than " + Json.MAX_DEPTH + " levels (cyclic structure?)");
        }
    }

    private void leaveContainer(boolean hadElements) {
        depth--;
        if (hadElements) {
            newLine();
        }
    }

    private void newLine() {
        if (pretty) {
            out.append('\n').repeat(' ', 2 * depth);
        }
    }

    private void string(CharSequence text) {
        out.append('"');
        int length = text.length();
        int unescapedFrom = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (!needsCare(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a well-formed pair is written as is
                continue;
            }
            out.append(text, unescapedFrom, i);
            escape(c);
            unescapedFrom = i + 1;
        }
        out.append(text, unescapedFrom, length).append('"');
    }

    /**
     * Characters that must or should be escaped. U+2028/U+2029 are legal JSON but break JavaScript string
     * literals; lone surrogates cannot be encoded as UTF-8, so they are kept as escapes that round-trip.
     */
    private static boolean needsCare(char c) {
        return c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c);
    }

    private void escape(char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\t' -> out.append("\\t");
            case '\r' -> out.append("\\r");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            default -> out.append("\\u")
                    .append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
        }
    }

    private static JsonException cannotWrite(String what) {
        return new JsonException("cannot write " + what + " as JSON");
    }
}
