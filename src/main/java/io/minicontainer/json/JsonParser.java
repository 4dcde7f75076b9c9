package io.minicontainer.json;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * Strict RFC 8259 parser behind {@link Json#parse}.
 *
 * <p>Open objects and arrays live on an explicit stack rather than the Java call stack, so hostile
 * nesting fails with a {@link JsonException} at {@link Json#MAX_DEPTH} instead of a StackOverflowError.
 */
final class JsonParser {

    private static final int END = -1;
    /** Returned by {@link #startValue} when it opened a non-empty container whose elements come next. */
    private static final Object CONTAINER_OPENED = new Object();

    private final String text;
    private final int length;
    private int pos;

    JsonParser(String text) {
        this.text = Objects.requireNonNull(text, "text");
        this.length = text.length();
    }

    Object parseDocument() {
        Object value = parseValue();
        skipWhitespace();
        if (pos < length) {
            throw error("unexpected characters after the JSON value");
        }
        return value;
    }

    /** A container still being filled, with the key its next member will be stored under (objects only). */
    private sealed interface Open permits OpenObject, OpenArray {
        void add(Object element);

        char closer();

        Object value();
    }

    private static final class OpenObject implements Open {
        final LinkedHashMap<String, Object> members = new LinkedHashMap<>();
        String key;

        @Override public void add(Object element) { members.put(key, element); }

        @Override public char closer() { return '}'; }

        @Override public Object value() { return members; }
    }

    private record OpenArray(ArrayList<Object> elements) implements Open {
        @Override public void add(Object element) { elements.add(element); }

        @Override public char closer() { return ']'; }

        @Override public Object value() { return elements; }
    }

    private Object parseValue() {
        Deque<Open> open = new ArrayDeque<>();
        while (true) {
            Object value = startValue(open);
            if (value == CONTAINER_OPENED) {
                continue;
            }
            // A value is complete: hand it to its container, closing every container that ends right here.
            while (true) {
                Open parent = open.peek();
                if (parent == null) {
                    return value;
                }
                parent.add(value);
                skipWhitespace();
                if (consume(',')) {
                    if (parent instanceof OpenObject object) {
                        object.key = parseMemberName();
                    }
                    break;
                }
                if (!consume(parent.closer())) {
                    throw expected("',' or '" + parent.closer() + "'");
                }
                value = open.pop().value();
            }
        }
    }

    /** Parses a scalar or an empty container, or pushes a non-empty container and returns {@link #CONTAINER_OPENED}. */
    private Object startValue(Deque<Open> open) {
        skipWhitespace();
        int c = peek();
        if (c != '{' && c != '[') {
            return parseScalar(c);
        }
        if (open.size() >= Json.MAX_DEPTH) {
            throw error("nesting deeper than " + Json.MAX_DEPTH + " levels");
        }
        pos++;
        skipWhitespace();
        if (c == '{') {
            if (consume('}')) {
                return new LinkedHashMap<String, Object>();
            }
            OpenObject object = new OpenObject();
            object.key = parseMemberName();
            open.push(object);
        } else {
            if (consume(']')) {
                return new ArrayList<>();
            }
            open.push(new OpenArray(new ArrayList<>()));
        }
        return CONTAINER_OPENED;
    }

    /** Reads {@code "name" :} and leaves the position at the member's value. */
    private String parseMemberName() {
        skipWhitespace();
        if (peek() != '"') {
            throw expected("a string key");
        }
        String name = parseString();
        skipWhitespace();
        if (!consume(':')) {
            throw expected("':'");
        }
        return name;
    }

    private Object parseScalar(int c) {
        return switch (c) {
            case '"' -> parseString();
            case 't' -> parseLiteral("true", Boolean.TRUE);
            case 'f' -> parseLiteral("false", Boolean.FALSE);
            case 'n' -> parseLiteral("null", null);
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> parseNumber();
            default -> throw expected("a value");
        };
    }

    private Object parseLiteral(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw expected("a value");
        }
        pos += word.length();
        return value;
    }

    private Object parseNumber() {
        int start = pos;
        consume('-');
        if (consume('0')) {
            if (isDigit(peek())) {
                throw errorAt(start, "leading zeros are not allowed");
            }
        } else {
            requireDigits();
        }
        boolean integer = true;
        if (consume('.')) {
            integer = false;
            requireDigits();
        }
        if (consume('e') || consume('E')) {
            integer = false;
            if (!consume('+')) {
                consume('-');
            }
            requireDigits();
        }
        return integer ? integerValue(start) : doubleValue(start);
    }

    private Object integerValue(int start) {
        try {
            return Long.parseLong(text, start, pos, 10);
        } catch (NumberFormatException tooBigForLong) { // rare enough that the exception costs nothing
            return doubleValue(start);
        }
    }

    private Double doubleValue(int start) {
        double value = Double.parseDouble(text.substring(start, pos));
        if (Double.isInfinite(value)) {
            throw errorAt(start, "number out of range");
        }
        return value;
    }

    private void requireDigits() {
        if (!isDigit(peek())) {
            throw expected("a digit");
        }
        while (isDigit(peek())) {
            pos++;
        }
    }

    private String parseString() {
        int openingQuote = pos++;
        int start = pos;
        // Fast path: most strings have no escapes and can be cut straight out of the input.
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == '"') {
                return text.substring(start, pos++);
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            pos++;
        }
        StringBuilder decoded = new StringBuilder(pos - start + 16).append(text, start, pos);
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return decoded.toString();
            }
            if (c < 0x20) {
                throw error(String.format("control character U+%04X must be escaped in a string", (int) c));
            }
            pos++;
            // Surrogate pairs need no special care: each \\uXXXX half is appended as the UTF-16 unit it is.
            decoded.append(c == '\\' ? parseEscape(openingQuote) : c);
        }
        throw errorAt(openingQuote, "unterminated string");
    }

    private char parseEscape(int openingQuote) {
        if (pos >= length) {
            throw errorAt(openingQuote, "unterminated string");
        }
        char c = text.charAt(pos++);
        return switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> parseHexUnit();
            default -> throw errorAt(pos - 2, "invalid escape sequence '\\" + c + "'");
        };
    }

    private char parseHexUnit() {
        int unit = 0;
        for (int i = 0; i < 4; i++) {
            int digit = pos + i < length ? hexValue(text.charAt(pos + i)) : -1;
            if (digit < 0) {
                throw errorAt(pos - 2, "invalid unicode escape, expected 4 hex digits after \\u");
            }
            unit = unit << 4 | digit;
        }
        pos += 4;
        return (char) unit;
    }

    private static int hexValue(char c) {
        // not Character.digit: that also accepts non-ASCII digits such as fullwidth ones
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    private void skipWhitespace() {
        while (pos < length) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private int peek() {
        return pos < length ? text.charAt(pos) : END;
    }

    private boolean consume(char expected) {
        if (peek() == expected) {
            pos++;
            return true;
        }
        return false;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private JsonException expected(String what) {
        return error(pos >= length ? "unexpected end of input, expected " + what : "expected " + what);
    }

    private JsonException error(String problem) {
        return errorAt(pos, problem);
    }

    /** Line and column are computed only when failing, so the happy path pays nothing for them. */
    private JsonException errorAt(int offset, String problem) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonException("invalid JSON at line " + line + ", column " + (offset - lineStart + 1) + ": " + problem);
    }
}
