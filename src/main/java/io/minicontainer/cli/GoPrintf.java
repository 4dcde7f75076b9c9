package io.minicontainer.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Go's fmt.Sprintf for template data: verbs v s q d t f e g x X o b c with flags {@code -+ #0}, width and
 * precision (digits or {@code *}), and Go's in-band complaints such as {@code %!d(string=abc)},
 * {@code %!s(MISSING)} and {@code %!(EXTRA int=1)}.
 *
 * <p>Integers are accepted by the float verbs and integral floats by {@code %d}: JSON data cannot tell
 * docker's {@code float64} fields from its integers.
 */
final class GoPrintf {
    private final String format;
    private final List<Object> args;
    private final StringBuilder out = new StringBuilder();
    private int pos;
    private int argIndex;

    private boolean minus;
    private boolean plus;
    private boolean sharp;
    private boolean zero;
    private boolean space;
    private int width;
    private int precision;

    private GoPrintf(String format, List<Object> args) {
        this.format = format;
        this.args = args;
    }

    static String format(String format, List<Object> args) {
        GoPrintf printf = new GoPrintf(format, args);
        printf.run();
        return printf.out.toString();
    }

    private void run() {
        while (pos < format.length()) {
            char c = format.charAt(pos++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            directive();
        }
        if (argIndex < args.size()) {
            out.append("%!(EXTRA ");
            for (int i = argIndex; i < args.size(); i++) {
                out.append(i > argIndex ? ", " : "").append(describe(args.get(i)));
            }
            out.append(')');
        }
    }

    private void directive() {
        minus = plus = sharp = zero = space = false;
        flags();
        width = number();
        precision = -1;
        if (pos < format.length() && format.charAt(pos) == '.') {
            pos++;
            precision = Math.max(0, number());
        }
        if (pos >= format.length()) {
            out.append("%!(NOVERB)");
            return;
        }
        int verb = format.codePointAt(pos);
        pos += Character.charCount(verb);
        if (verb == '%') {
            out.append('%');
        } else if (argIndex >= args.size()) {
            out.append("%!").appendCodePoint(verb).append("(MISSING)");
        } else {
            verb(verb, args.get(argIndex++));
        }
    }

    private void flags() {
        while (pos < format.length()) {
            switch (format.charAt(pos)) {
                case '-' -> minus = true;
                case '+' -> plus = true;
                case '#' -> sharp = true;
                case '0' -> zero = true;
                case ' ' -> space = true;
                default -> {
                    return;
                }
            }
            pos++;
        }
    }

    /** Digits, or {@code *} taking an integer argument; -1 when neither is there. */
    private int number() {
        if (pos < format.length() && format.charAt(pos) == '*') {
            pos++;
            Object arg = argIndex < args.size() ? args.get(argIndex++) : null;
            if (arg instanceof Long || arg instanceof Integer) {
                int value = ((Number) arg).intValue();
                if (value < 0) {
                    minus = true;
                }
                return Math.abs(value);
            }
            out.append("%!(BADWIDTH)");
            return -1;
        }
        int start = pos;
        while (pos < format.length() && Character.isDigit(format.charAt(pos))) {
            pos++;
        }
        return start == pos ? -1 : Integer.parseInt(format.substring(start, pos));
    }

    private void verb(int verb, Object arg) {
        String text = switch (verb) {
            case 'v' -> arg instanceof String s ? precise(s) : GoValues.print(arg);
            case 's' -> arg instanceof String s ? precise(s) : plainOrBad(verb, arg);
            case 'q' -> quoted(verb, arg);
            case 'd' -> integer(verb, arg, 10);
            case 'x', 'X', 'o', 'b' -> based(verb, arg);
            case 'c' -> isInteger(arg) ? Character.toString(((Number) arg).intValue()) : bad(verb, arg);
            case 't' -> arg instanceof Boolean ? arg.toString() : bad(verb, arg);
            case 'f', 'F', 'e', 'E', 'g', 'G' -> floating(verb, arg);
            default -> bad(verb, arg);
        };
        pad(text, isNumeric(verb) && (arg instanceof Number));
    }

    private String precise(String text) {
        return precision >= 0 && precision < text.codePointCount(0, text.length())
                ? text.substring(0, text.offsetByCodePoints(0, precision)) : text;
    }

    /** %s of a list or map prints its elements; of a number or bool it is a bad verb, as in Go. */
    private String plainOrBad(int verb, Object arg) {
        return arg instanceof Number || arg instanceof Boolean || arg == null ? bad(verb, arg) : GoValues.print(arg);
    }

    private String quoted(int verb, Object arg) {
        if (arg instanceof String s) {
            return sharp && !s.contains("`") ? "`" + s + "`" : GoValues.quote(s);
        }
        if (isInteger(arg)) {
            String quoted = GoValues.quote(Character.toString(((Number) arg).intValue()));
            return "'" + quoted.substring(1, quoted.length() - 1).replace("\\\"", "\"") + "'";
        }
        return bad(verb, arg);
    }

    private String integer(int verb, Object arg, int radix) {
        Long value = asLong(arg);
        if (value == null) {
            return bad(verb, arg);
        }
        String digits = Long.toString(Math.abs(value), radix).replace("-", "");
        if (value == Long.MIN_VALUE) {
            digits = Long.toUnsignedString(Long.MIN_VALUE, radix);
        }
        if (precision >= 0 && digits.length() < precision) {
            digits = "0".repeat(precision - digits.length()) + digits;
        }
        return sign(value < 0) + digits;
    }

    private String based(int verb, Object arg) {
        if (arg instanceof String s && (verb == 'x' || verb == 'X')) {
            StringBuilder hex = new StringBuilder();
            for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                hex.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
            }
            return verb == 'X' ? hex.toString().toUpperCase(Locale.ROOT) : hex.toString();
        }
        int radix = verb == 'o' ? 8 : verb == 'b' ? 2 : 16;
        String text = integer(verb, arg, radix);
        if (text.startsWith("%!")) {
            return text;
        }
        if (sharp) {
            String prefix = verb == 'o' ? "0" : verb == 'b' ? "0b" : "0x";
            int signLength = text.startsWith("-") || text.startsWith("+") || text.startsWith(" ") ? 1 : 0;
            text = text.substring(0, signLength) + prefix + text.substring(signLength);
        }
        return verb == 'X' ? text.toUpperCase(Locale.ROOT) : text;
    }

    private String floating(int verb, Object arg) {
        if (!(arg instanceof Number number)) {
            return bad(verb, arg);
        }
        double value = number.doubleValue();
        String text;
        char lower = Character.toLowerCase((char) verb);
        if (!Double.isFinite(value)) {
            text = GoValues.formatFloat(Math.abs(value));
        } else if (lower == 'g') {
            text = precision < 0 ? GoValues.formatFloat(Math.abs(value)) : GoValues.formatFloat(Math.abs(value), precision);
        } else {
            int digits = precision < 0 ? 6 : precision;
            text = String.format(Locale.ROOT, "%." + digits + (lower == 'e' ? "e" : "f"), Math.abs(value));
        }
        if (text.equals("+Inf")) {
            text = "Inf";
        }
        text = sign(value < 0 || (value == 0 && 1 / value < 0)) + text;
        return Character.isUpperCase(verb) ? text.toUpperCase(Locale.ROOT) : text;
    }

    private String sign(boolean negative) {
        return negative ? "-" : plus ? "+" : space ? " " : "";
    }

    private static boolean isNumeric(int verb) {
        return "dxXobfFeEgG".indexOf(verb) >= 0;
    }

    private static boolean isInteger(Object arg) {
        return arg instanceof Long || arg instanceof Integer;
    }

    private static Long asLong(Object arg) {
        if (isInteger(arg)) {
            return ((Number) arg).longValue();
        }
        if (arg instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return d.longValue();
        }
        return null;
    }

    private void pad(String text, boolean numeric) {
        int length = text.codePointCount(0, text.length());
        if (width <= length) {
            out.append(text);
        } else if (minus) {
            out.append(text).repeat(' ', width - length);
        } else if (zero && numeric && !text.startsWith("%!")) {
            int signLength = text.startsWith("-") || text.startsWith("+") || text.startsWith(" ") ? 1 : 0;
            out.append(text, 0, signLength).repeat('0', width - length).append(text, signLength, text.length());
        } else {
            out.repeat(' ', width - length).append(text);
        }
    }

    private static String bad(int verb, Object arg) {
        return "%!" + Character.toString(verb) + "(" + describe(arg) + ")";
    }

    private static String describe(Object arg) {
        return arg == null || arg == GoValues.MISSING ? "<nil>" : GoValues.typeName(arg) + "=" + GoValues.print(arg);
    }
}
