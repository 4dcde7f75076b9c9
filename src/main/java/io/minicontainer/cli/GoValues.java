package io.minicontainer.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Template data as Go sees it: truth, printing with fmt's {@code %v}, type names for messages.
 *
 * <p>Data is what {@code io.minicontainer.json.Json.parse} returns ({@code Map}, {@code List}, {@code String},
 * {@code Long}, {@code Double}, {@code Boolean}, {@code null}) plus {@code Integer}, and
 * {@link GoTemplate.Method} values for docker's {@code {{.Label "key"}}}-style methods.
 */
final class GoValues {
    /** The value of a field that does not exist: Go prints it as {@code <no value>}. */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<no value>";
        }
    };

    private GoValues() {}

    /** Go's truth: false, 0, nil, and empty strings, lists and maps are false. */
    static boolean isTrue(Object value) {
        if (value == null || value == MISSING) {
            return false;
        } else if (value instanceof Boolean bool) {
            return bool;
        } else if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue() != 0;
        } else if (value instanceof Number number) {
            return number.doubleValue() != 0;
        } else if (value instanceof String text) {
            return !text.isEmpty();
        } else if (value instanceof Collection<?> list) {
            return !list.isEmpty();
        } else if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        return true;
    }

    /** fmt's {@code %v}: {@code <nil>}, {@code [a b]}, {@code map[k:v]} (keys sorted), floats in %g. */
    static String print(Object value) {
        StringBuilder out = new StringBuilder();
        print(value, out);
        return out.toString();
    }

    private static void print(Object value, StringBuilder out) {
        if (value == null) {
            out.append("<nil>");
        } else if (value instanceof Double || value instanceof Float) {
            out.append(formatFloat(((Number) value).doubleValue()));
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                out.append(first ? "" : " ");
                first = false;
                print(item, out);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append("map[");
            boolean first = true;
            for (String key : sortedKeys(map)) {
                out.append(first ? "" : " ").append(key).append(':');
                first = false;
                print(map.get(key), out);
            }
            out.append(']');
        } else if (value instanceof GoTemplate.Method) {
            out.append("<method>");
        } else {
            out.append(value);
        }
    }

    /**
     * The value as Go's encoding/json would see it: without {@link GoTemplate.Method}s (docker's {@code {{json .}}}
     * leaves out methods taking arguments, like {@code Label}), and whole floats written as integers ({@code 2},
     * not {@code 2.0}).
     */
    static Object forJson(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e21) {
            return new BigDecimal(d).toBigInteger();
        } else if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!(v instanceof GoTemplate.Method)) {
                    copy.put(k, forJson(v));
                }
            });
            return copy;
        } else if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(forJson(item)));
            return copy;
        }
        return value;
    }

    /** Go walks maps in key order, both when printing and in {@code range}. */
    static List<String> sortedKeys(Map<?, ?> map) {
        List<String> keys = new ArrayList<>();
        for (Object key : map.keySet()) {
            keys.add(String.valueOf(key));
        }
        keys.sort(null);
        return keys;
    }

    /** How Go names the type in messages; numbers are typed as docker's structs would type them. */
    static String typeName(Object value) {
        if (value == null || value == MISSING) {
            return "<nil>";
        } else if (value instanceof String) {
            return "string";
        } else if (value instanceof Long || value instanceof Integer) {
            return "int";
        } else if (value instanceof Number) {
            return "float64";
        } else if (value instanceof Boolean) {
            return "bool";
        } else if (value instanceof Map<?, ?>) {
            return "map[string]interface {}";
        } else if (value instanceof Collection<?>) {
            return "[]interface {}";
        }
        return "func";
    }

    /** Go's shortest float formatting: 1.5, 100000, 1e+06, 1.234567e+06, 1e-05. */
    static String formatFloat(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        } else if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        } else if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        return formatG(exact, 6, false);
    }

    /** {@code %.Ng}: N significant digits, exponent form outside [1e-4, 1eN), trailing zeros dropped. */
    static String formatFloat(double value, int significant) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) {
            return formatFloat(value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(Math.max(1, significant))).stripTrailingZeros();
        return formatG(rounded, Math.max(1, significant), true);
    }

    private static String formatG(BigDecimal number, int exponentLimit, boolean limitIsPrecision) {
        String digits = number.unscaledValue().abs().toString();
        int exponent = digits.length() - number.scale() - 1;
        int limit = exponentLimit;
        if (limitIsPrecision && limit > digits.length() && digits.length() >= exponent + 1) {
            limit = digits.length();
        }
        String sign = number.signum() < 0 ? "-" : "";
        if (exponent < -4 || exponent >= limit) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int magnitude = Math.abs(exponent);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + magnitude;
        }
        return sign + number.abs().toPlainString();
    }

    /** strconv.Quote: double quotes with Go's escapes. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case 11 -> out.append("\\v");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** Go measures strings in bytes. */
    static int byteLength(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
