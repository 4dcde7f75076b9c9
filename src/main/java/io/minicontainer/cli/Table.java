package io.minicontainer.cli;

import java.util.ArrayList;
import java.util.List;

/** docker's plain tables: columns padded to the widest cell plus three spaces, no borders. */
final class Table {
    private static final int GAP = 3;
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> header) {
        rows.add(List.copyOf(header));
    }

    void add(List<String> cells) {
        rows.add(List.copyOf(cells));
    }

    @Override
    public String toString() {
        int columns = rows.getFirst().size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(row.get(c));
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - row.get(c).length() + GAP));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
