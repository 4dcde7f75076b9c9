package io.minicontainer.engine.mount;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The value of {@code --mount} is one CSV record, read as Go's encoding/csv reads it: fields split
 * at commas; a field that starts with a double quote runs to the closing one ({@code ""} inside is
 * a quote), so {@code "volume-opt=o=a,b"} keeps its comma.
 */
final class MountCsv {
    private MountCsv() {}

    /** The fields; a malformed record throws with Go's wording. */
    static List<String> fields(String record) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (true) {
            StringBuilder field = new StringBuilder();
            if (i < record.length() && record.charAt(i) == '"') {
                i = quoted(record, i + 1, field);
            } else {
                int comma = record.indexOf(',', i);
                int end = comma < 0 ? record.length() : comma;
                field.append(record, i, end);
                if (field.indexOf("\"") >= 0) {
                    throw new IllegalArgumentException("parse error on line 1, column " + (i + field.indexOf("\"") + 1)
                            + ": bare \" in non-quoted-field");
                }
                i = end;
            }
            fields.add(field.toString());
            if (i >= record.length()) {
                return fields;
            }
            i++; // the comma
        }
    }

    /** Reads a quoted field from just after its opening quote; returns the index after the closing one. */
    private static int quoted(String record, int i, StringBuilder field) {
        while (i < record.length()) {
            char c = record.charAt(i);
            if (c != '"') {
                field.append(c);
                i++;
            } else if (i + 1 < record.length() && record.charAt(i + 1) == '"') {
                field.append('"');
                i += 2;
            } else if (i + 1 == record.length() || record.charAt(i + 1) == ',') {
                return i + 1;
            } else {
                break;
            }
        }
        throw new IllegalArgumentException("parse error on line 1, column " + (i + 1)
                + ": extraneous or missing \" in quoted-field");
    }

    /** Go's strconv.ParseBool. */
    static Optional<Boolean> bool(String text) {
        return switch (text) {
            case "1", "t", "T", "TRUE", "true", "True" -> Optional.of(true);
            case "0", "f", "F", "FALSE", "false", "False" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
