package io.minicontainer.cli;

import io.minicontainer.engine.ContainerStats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** docker stats' fields and columns, and how a refresh is drawn on a terminal. */
final class StatsRows {
    static final String DEFAULT_TABLE =
            "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";
    static final Map<String, String> HEADERS = Map.of("Container", "CONTAINER", "Name", "NAME", "ID", "CONTAINER ID",
            "CPUPerc", "CPU %", "MemUsage", "MEM USAGE / LIMIT", "MemPerc", "MEM %", "NetIO", "NET I/O",
            "BlockIO", "BLOCK I/O", "PIDs", "PIDS");
    private static final String NO_VALUE = "--";
    private static final int SHORT_ID = 12;
    private static final String HOME = "\033[H";
    private static final String CLEAR_LINE = "\033[K";
    private static final String CLEAR_BELOW = "\033[J";
    private static final String CLEAR_SCREEN = "\033[2J";

    private StatsRows() {}

    /**
     * One container's fields, as docker's stats formatter names them.
     *
     * @param given the name the user gave (or the full id when listing), docker's {@code {{.Container}}}
     * @param stats empty when they could not be read: docker's {@code --}
     */
    static Map<String, Object> row(String given, String id, String name, Optional<ContainerStats> stats, boolean truncate) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Container", given);
        row.put("Name", name.isEmpty() ? NO_VALUE : name);
        row.put("ID", truncate && id.length() > SHORT_ID ? id.substring(0, SHORT_ID) : id);
        row.put("CPUPerc", stats.map(s -> GoUnits.percentage(s.cpuPercent())).orElse(NO_VALUE));
        row.put("MemUsage", stats.map(s -> GoUnits.bytesSize(s.memory()) + " / " + GoUnits.bytesSize(s.memoryLimit()))
                .orElse("-- / --"));
        row.put("MemPerc", stats.map(s -> GoUnits.percentage(s.memoryPercent())).orElse(NO_VALUE));
        row.put("NetIO", stats.map(s -> io(s.netReceived(), s.netTransmitted())).orElse(NO_VALUE));
        row.put("BlockIO", stats.map(s -> io(s.blockRead(), s.blockWritten())).orElse(NO_VALUE));
        row.put("PIDs", stats.map(s -> Long.toString(s.pids())).orElse(NO_VALUE));
        return row;
    }

    private static String io(long in, long out) {
        return GoUnits.humanSize(in, 3) + " / " + GoUnits.humanSize(out, 3);
    }

    /**
     * A refresh as docker draws it on a terminal: cursor home, each line cleared past its end, everything
     * below cleared (the screen is cleared once, first). Elsewhere, the table as it is, one block per refresh.
     */
    static String frame(String table, boolean terminal, boolean first) {
        if (!terminal) {
            return table;
        }
        StringBuilder frame = new StringBuilder(first ? CLEAR_SCREEN + HOME : HOME);
        for (String line : table.split("\n", -1)) {
            frame.append(line).append(CLEAR_LINE).append('\n');
        }
        return frame.append(CLEAR_BELOW).toString();
    }

    /** What docker leaves on a terminal when the last container it followed is gone. */
    static String cleared(boolean terminal) {
        return terminal ? HOME + CLEAR_BELOW : "";
    }
}
