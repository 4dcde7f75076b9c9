package io.minicontainer.cli;

import io.minicontainer.json.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The functions a docker {@code --format} template can call: Go's built-ins (and, or, not, len, index, slice,
 * print, printf, println, eq, ne, lt, le, gt, ge) and docker's (json, split, join, title, lower, upper, pad,
 * truncate). Arguments arrive evaluated; {@code and}/{@code or} short-circuit in the executor.
 *
 * <p>Where Go would need typed data, JSON data is read the way docker's typed structs would hold it:
 * {@code index} of a missing map key is {@code ""} (as in a {@code map[string]string}), {@code join} accepts
 * any list, a null string is empty.
 */
final class TemplateFunctions {
    private static final Map<String, int[]> ARITY = Map.ofEntries(
            Map.entry("and", new int[] {1, -1}), Map.entry("or", new int[] {1, -1}), Map.entry("not", new int[] {1, 1}),
            Map.entry("len", new int[] {1, 1}), Map.entry("index", new int[] {1, -1}),
            Map.entry("slice", new int[] {1, 4}), Map.entry("print", new int[] {0, -1}),
            Map.entry("printf", new int[] {1, -1}), Map.entry("println", new int[] {0, -1}),
            Map.entry("eq", new int[] {1, -1}), Map.entry("ne", new int[] {2, 2}), Map.entry("lt", new int[] {2, 2}),
            Map.entry("le", new int[] {2, 2}), Map.entry("gt", new int[] {2, 2}), Map.entry("ge", new int[] {2, 2}),
            Map.entry("json", new int[] {1, 1}), Map.entry("split", new int[] {2, 2}),
            Map.entry("join", new int[] {2, 2}), Map.entry("title", new int[] {1, 1}),
            Map.entry("lower", new int[] {1, 1}), Map.entry("upper", new int[] {1, 1}),
            Map.entry("pad", new int[] {3, 3}), Map.entry("truncate", new int[] {2, 2}));

    /** docker's header functions: a table header shows the column's name, not the name transformed. */
    private static final Set<String> HEADER_IDENTITY =
            Set.of("json", "split", "join", "title", "lower", "upper", "truncate", "index");

    private TemplateFunctions() {}

    static boolean exists(String name) {
        return ARITY.containsKey(name);
    }

    static void checkArity(String name, int given) {
        int[] arity = ARITY.get(name);
        if (given < arity[0] || (arity[1] >= 0 && given > arity[1])) {
            String want = arity[1] < 0 ? "at least " + arity[0] : String.valueOf(arity[0]);
            throw TemplateError.failure("wrong number of args for " + name + ": want " + want + " got " + given);
        }
    }

    /** Calls a function other than and/or; {@code header} selects docker's table-header variants. */
    static Object call(String name, List<Object> args, boolean header) {
        checkArity(name, args.size());
        if (header && HEADER_IDENTITY.contains(name)) {
            return args.getFirst();
        }
        try {
            return dispatch(name, args);
        } catch (TemplateError e) {
            throw TemplateError.failure("error calling " + name + ": " + e.getMessage());
        }
    }

    private static Object dispatch(String name, List<Object> args) {
        return switch (name) {
            case "not" -> !GoValues.isTrue(args.getFirst());
            case "len" -> length(args.getFirst());
            case "index" -> TemplateIndexing.index(args.getFirst(), args.subList(1, args.size()));
            case "slice" -> TemplateIndexing.slice(args.getFirst(), args.subList(1, args.size()));
            case "print" -> sprint(args);
            case "println" -> sprintln(args);
            case "printf" -> GoPrintf.format(string(args.getFirst()), args.subList(1, args.size()));
            case "eq" -> TemplateComparisons.eq(args.getFirst(), args.subList(1, args.size()));
            case "ne" -> !TemplateComparisons.eq(args.getFirst(), args.subList(1, 2));
            case "lt" -> TemplateComparisons.compare(args.get(0), args.get(1)) < 0;
            case "le" -> TemplateComparisons.compare(args.get(0), args.get(1)) <= 0;
            case "gt" -> TemplateComparisons.compare(args.get(0), args.get(1)) > 0;
            case "ge" -> TemplateComparisons.compare(args.get(0), args.get(1)) >= 0;
            case "json" -> Json.write(GoValues.forJson(args.getFirst()));
            case "split" -> split(string(args.get(0)), string(args.get(1)));
            case "join" -> join(args.get(0), string(args.get(1)));
            case "title" -> title(string(args.getFirst()));
            case "lower" -> string(args.getFirst()).toLowerCase(Locale.ROOT);
            case "upper" -> string(args.getFirst()).toUpperCase(Locale.ROOT);
            case "pad" -> pad(string(args.get(0)), integer(args.get(1)), integer(args.get(2)));
            case "truncate" -> truncate(string(args.get(0)), integer(args.get(1)));
            default -> throw TemplateError.failure("function \"" + name + "\" not defined");
        };
    }

    static String string(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return text;
        }
        throw TemplateError.failure("wrong type for value; expected string; got " + GoValues.typeName(value));
    }

    static int integer(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).intValue();
        }
        throw TemplateError.failure("wrong type for value; expected int; got " + GoValues.typeName(value));
    }

    private static long length(Object value) {
        if (value instanceof String text) {
            return GoValues.byteLength(text);
        } else if (value instanceof Collection<?> list) {
            return list.size();
        } else if (value instanceof Map<?, ?> map) {
            return map.size();
        } else if (value == null) {
            return 0; // docker's nil slices and maps have length 0
        }
        throw TemplateError.failure("len of type " + GoValues.typeName(value));
    }

    /** fmt.Sprint: a space between two operands when neither is a string. */
    static String sprint(List<Object> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            boolean isString = args.get(i) instanceof String;
            if (i > 0 && !isString && !(args.get(i - 1) instanceof String)) {
                out.append(' ');
            }
            out.append(GoValues.print(args.get(i)));
        }
        return out.toString();
    }

    private static String sprintln(List<Object> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            out.append(i > 0 ? " " : "").append(GoValues.print(args.get(i)));
        }
        return out.append('\n').toString();
    }

    /** strings.Split: an empty separator splits after each character; an empty string gives one element. */
    private static List<Object> split(String text, String separator) {
        List<Object> parts = new ArrayList<>();
        if (separator.isEmpty()) {
            text.codePoints().forEach(c -> parts.add(Character.toString(c)));
            return parts;
        }
        int from = 0;
        for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, from)) {
            parts.add(text.substring(from, at));
            from = at + separator.length();
        }
        parts.add(text.substring(from));
        return parts;
    }

    private static String join(Object list, String separator) {
        if (list == null) {
            return "";
        }
        if (!(list instanceof Collection<?> items)) {
            throw TemplateError.failure("wrong type for value; expected []string; got " + GoValues.typeName(list));
        }
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (Object item : items) {
            out.append(first ? "" : separator).append(GoValues.print(item));
            first = false;
        }
        return out.toString();
    }

    /** strings.Title: upper-cases the first letter of each word. */
    private static String title(String text) {
        StringBuilder out = new StringBuilder();
        int previous = ' ';
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            out.appendCodePoint(isSeparator(previous) ? Character.toTitleCase(c) : c);
            previous = c;
        }
        return out.toString();
    }

    private static boolean isSeparator(int c) {
        if (c <= 0x7f) {
            return !(Character.isLetterOrDigit(c) || c == '_');
        }
        return !Character.isLetterOrDigit(c) && Character.isWhitespace(c);
    }

    private static String pad(String text, int before, int after) {
        return text.isEmpty() ? text : " ".repeat(Math.max(0, before)) + text + " ".repeat(Math.max(0, after));
    }

    private static String truncate(String text, int length) {
        int count = text.codePointCount(0, text.length());
        return count < length || length < 0 ? text : text.substring(0, text.offsetByCodePoints(0, length));
    }
}
