package io.minicontainer.cli;

import io.minicontainer.json.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What docker's list commands ({@code ps}, {@code images}, ...) do with {@code --format}:
 * <ul>
 *   <li>absent, empty or {@code table}: the command's default table;
 *   <li>{@code table TEMPLATE}: a header row, then one row per item, aligned by docker's tabwriter (columns
 *       separated by tabs in the template, at least 10 wide, 3 spaces apart);
 *   <li>{@code json}: each item as one line of compact JSON, keys in alphabetical order like docker;
 *   <li>anything else: a template executed once per item, one line each, no header.
 * </ul>
 * As in docker, the two characters {@code \t} and {@code \n} in the value stand for a tab and a newline, and
 * spaces around a table's template are dropped. Headers come from the caller's names ({@code ID} to
 * {@code CONTAINER ID}), else the field's name upper-cased.
 */
final class FormatOption {
    private enum Kind { TABLE, JSON, TEMPLATE }

    private final Kind kind;
    private final GoTemplate template;

    private FormatOption(Kind kind, GoTemplate template) {
        this.kind = kind;
        this.template = template;
    }

    /**
     * @param value        the {@code --format} value, null when the flag is absent
     * @param defaultTable the command's default, e.g. {@code table {{.ID}}\t{{.Image}}}
     * @throws CliException {@code template parsing error: ...} for a template Go would reject
     */
    static FormatOption parse(String value, String defaultTable) {
        String format = value == null || value.isEmpty() || value.equals("table") ? defaultTable : value;
        if (format.equals("json")) {
            return new FormatOption(Kind.JSON, null);
        }
        boolean table = format.startsWith("table");
        String text = table ? format.substring("table".length()) : format;
        text = trimSpaces(text).replace("\\t", "\t").replace("\\n", "\n");
        return new FormatOption(table ? Kind.TABLE : Kind.TEMPLATE, GoTemplate.parse(text));
    }

    boolean isTable() {
        return kind == Kind.TABLE;
    }

    boolean isJson() {
        return kind == Kind.JSON;
    }

    /**
     * Formats the rows; every line ends with a newline.
     *
     * @param headers column names by field, e.g. {@code ID -> CONTAINER ID}; a nested field is looked up by its
     *                dotted path, then by its last name
     */
    String render(List<? extends Map<String, ?>> rows, Map<String, String> headers) {
        StringBuilder body = new StringBuilder();
        for (Map<String, ?> row : rows) {
            Map<String, Object> sorted = new TreeMap<>(row);
            if (kind == Kind.JSON) {
                body.append(Json.write(GoValues.forJson(sorted))).append('\n');
            } else {
                body.append(execute(sorted)).append('\n');
            }
        }
        if (kind != Kind.TABLE) {
            return body.toString();
        }
        String header = template.executeHeader(names -> headerName(names, headers));
        return TabWriter.docker(header + "\n" + body);
    }

    /** docker ps words failures of its row template as parsing errors, whenever they happen. */
    private String execute(Map<String, Object> row) {
        try {
            return template.execute(row);
        } catch (CliException e) {
            throw new CliException("template parsing error: " + e.getMessage());
        }
    }

    private static String headerName(List<String> names, Map<String, String> headers) {
        String path = String.join(".", names);
        String name = headers.get(path);
        if (name == null) {
            name = headers.get(names.getLast());
        }
        return name != null ? name : names.getLast().toUpperCase(Locale.ROOT);
    }

    /** Go's strings.Trim(s, " "): spaces only, not tabs or newlines. */
    private static String trimSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(start, end);
    }
}
