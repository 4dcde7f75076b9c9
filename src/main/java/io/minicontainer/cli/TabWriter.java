package io.minicontainer.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Go's text/tabwriter (elastic tabstops) as docker's tables use it: tab-terminated cells of consecutive lines
 * form a column, padded to its widest cell plus the padding and at least the minimum width; the last cell of
 * a line is not part of a column and is never padded. docker uses a minimum width of 10 and a padding of 3.
 */
final class TabWriter {
    private final int minWidth;
    private final int padding;
    private final List<List<String>> lines = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();

    private TabWriter(int minWidth, int padding) {
        this.minWidth = minWidth;
        this.padding = padding;
    }

    /** docker's tables: {@code tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)}. */
    static String docker(String text) {
        return format(text, 10, 3);
    }

    static String format(String text, int minWidth, int padding) {
        TabWriter writer = new TabWriter(minWidth, padding);
        String[] segments = text.split("\n", -1);
        for (int i = 0; i < segments.length; i++) {
            List<String> cells = new ArrayList<>(Arrays.asList(segments[i].split("\t", -1)));
            boolean last = i == segments.length - 1;
            if (last && cells.getLast().isEmpty()) {
                cells.removeLast(); // text after the final newline: only tab-terminated cells, as at Go's Flush
            }
            writer.lines.add(cells);
        }
        writer.format(0, writer.lines.size());
        return writer.out.toString();
    }

    /** Lays out lines [line0, line1) given the widths of the columns to the left; recursion per column block. */
    private void format(int line0, int line1) {
        int column = widths.size();
        int start = line0;
        for (int current = start; current < line1; current++) {
            if (column >= lines.get(current).size() - 1) {
                continue;
            }
            writeLines(start, current);
            start = current;
            int width = minWidth;
            for (; current < line1; current++) {
                List<String> line = lines.get(current);
                if (column >= line.size() - 1) {
                    break;
                }
                width = Math.max(width, width(line.get(column)) + padding);
            }
            widths.add(width);
            format(start, current);
            widths.removeLast();
            start = current;
        }
        writeLines(start, line1);
    }

    private void writeLines(int line0, int line1) {
        for (int i = line0; i < line1; i++) {
            List<String> line = lines.get(i);
            for (int j = 0; j < line.size(); j++) {
                String cell = line.get(j);
                out.append(cell);
                if (j < widths.size()) {
                    out.repeat(' ', widths.get(j) - width(cell));
                }
            }
            if (i + 1 < lines.size()) {
                out.append('\n');
            }
        }
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
