package io.minicontainer.cli;

import java.util.function.IntConsumer;

/** Go's literal syntax inside template actions: quoted and raw strings, character constants, numbers. */
final class TemplateStrings {
    private TemplateStrings() {}

    /** Decodes the "..." starting at {@code start}; {@code advance} receives the position after it. */
    static String quoted(String input, IntConsumer advance, int start) {
        StringBuilder out = new StringBuilder();
        int i = start + 1;
        while (true) {
            if (i >= input.length() || input.charAt(i) == '\n') {
                throw TemplateError.parse(input, start, "unterminated quoted string");
            }
            char c = input.charAt(i);
            if (c == '"') {
                advance.accept(i + 1);
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            i = escape(input, start, i + 1, '"', out);
        }
    }

    static String raw(String input, IntConsumer advance, int start) {
        int end = input.indexOf('`', start + 1);
        if (end < 0) {
            throw TemplateError.parse(input, start, "unterminated raw quoted string");
        }
        advance.accept(end + 1);
        return input.substring(start + 1, end).replace("\r", "");
    }

    /** 'a' or '\n': a character constant is an integer in Go. */
    static Long character(String input, IntConsumer advance, int start) {
        StringBuilder out = new StringBuilder();
        int i = start + 1;
        if (i < input.length() && input.charAt(i) == '\\') {
            i = escape(input, start, i + 1, '\'', out);
        } else if (i < input.length() && input.charAt(i) != '\'' && input.charAt(i) != '\n') {
            out.appendCodePoint(input.codePointAt(i));
            i += Character.charCount(input.codePointAt(i));
        }
        if (out.isEmpty() || i >= input.length() || input.charAt(i) != '\'') {
            throw TemplateError.parse(input, start, "unterminated character constant");
        }
        advance.accept(i + 1);
        return (long) out.codePointAt(0);
    }

    /** Appends the escape at {@code i} (just after its backslash); answers the position after it. */
    private static int escape(String input, int start, int i, char quote, StringBuilder out) {
        if (i >= input.length()) {
            throw TemplateError.parse(input, start, "unterminated quoted string");
        }
        char c = input.charAt(i);
        switch (c) {
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000b');
            case '\\' -> out.append('\\');
            case 'x' -> {
                return hexEscape(input, start, i + 1, 2, out);
            }
            case 'u' -> {
                return hexEscape(input, start, i + 1, 4, out);
            }
            case 'U' -> {
                return hexEscape(input, start, i + 1, 8, out);
            }
            default -> {
                if (c == quote) {
                    out.append(c);
                } else if (c >= '0' && c <= '7' && i + 3 <= input.length()
                        && input.substring(i, i + 3).chars().allMatch(d -> d >= '0' && d <= '7')) {
                    out.append((char) Integer.parseInt(input.substring(i, i + 3), 8));
                    return i + 3;
                } else {
                    throw TemplateError.parse(input, start, "invalid syntax");
                }
            }
        }
        return i + 1;
    }

    private static int hexEscape(String input, int start, int i, int digits, StringBuilder out) {
        try {
            out.appendCodePoint(Integer.parseUnsignedInt(input.substring(i, i + digits), 16));
            return i + digits;
        } catch (RuntimeException e) {
            throw TemplateError.parse(input, start, "invalid syntax");
        }
    }

    /** An integer (Long) when Go would read one, else a float (Double). */
    static Object number(String input, int start, String text) {
        String digits = text.replace("_", "");
        boolean negative = digits.startsWith("-");
        String unsigned = digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
        try {
            String lower = unsigned.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("0x")) {
                return signed(Long.parseLong(unsigned.substring(2), 16), negative);
            } else if (lower.startsWith("0o")) {
                return signed(Long.parseLong(unsigned.substring(2), 8), negative);
            } else if (lower.startsWith("0b")) {
                return signed(Long.parseLong(unsigned.substring(2), 2), negative);
            } else if (unsigned.matches("[0-9]+")) {
                boolean octal = unsigned.length() > 1 && unsigned.startsWith("0");
                return signed(Long.parseLong(unsigned, octal ? 8 : 10), negative);
            } else if (unsigned.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
                return Double.parseDouble(digits);
            }
        } catch (NumberFormatException e) {
            // falls through to Go's message
        }
        throw TemplateError.parse(input, start, "bad number syntax: \"" + text + "\"");
    }

    private static Long signed(long value, boolean negative) {
        return negative ? -value : value;
    }

    /** U+0021 '!', as Go describes a character. */
    static String describeChar(int codePoint) {
        String hex = Integer.toHexString(codePoint).toUpperCase(java.util.Locale.ROOT);
        return "U+" + "0".repeat(Math.max(0, 4 - hex.length())) + hex + " '" + Character.toString(codePoint) + "'";
    }
}
