package io.minicontainer.cli;

import io.minicontainer.image.PullProgress;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shows a pull like docker: one line per state change into a pipe, redrawn lines with bars on a terminal. */
final class PullProgressPrinter {
    private PullProgressPrinter() {}

    static PullProgress forStream(PrintStream out, boolean terminal) {
        return terminal ? new Terminal(out) : new Plain(out);
    }

    private static final class Plain implements PullProgress {
        private final PrintStream out;

        Plain(PrintStream out) {
            this.out = out;
        }

        public synchronized void status(String line) {
            out.println(line);
        }

        public synchronized void layer(String shortId, String state) {
            out.println(shortId + ": " + state);
        }

        public void bytes(String shortId, long done, long total) {
            // a pipe or a log wants state changes, not a byte counter
        }
    }

    /** One line per layer, redrawn in place with ANSI cursor movement. */
    private static final class Terminal implements PullProgress {
        private static final int BAR = 40;
        private final PrintStream out;
        private final Map<String, String> lines = new LinkedHashMap<>();
        private int drawn;

        Terminal(PrintStream out) {
            this.out = out;
        }

        public synchronized void status(String line) {
            out.println(line);
            drawn = 0; // the status line scrolled the layer lines away
        }

        public synchronized void layer(String shortId, String state) {
            lines.put(shortId, shortId + ": " + state);
            redraw();
        }

        public synchronized void bytes(String shortId, long done, long total) {
            lines.put(shortId, shortId + ": Downloading " + bar(done, total) + "  " + HumanUnits.size(done)
                    + (total > 0 ? "/" + HumanUnits.size(total) : ""));
            redraw();
        }

        private void redraw() {
            StringBuilder frame = new StringBuilder();
            if (drawn > 0) {
                frame.append("\033[").append(drawn).append('A');
            }
            lines.values().forEach(line -> frame.append("\r\033[2K").append(line).append('\n'));
            drawn = lines.size();
            out.print(frame);
            out.flush();
        }

        private static String bar(long done, long total) {
            if (total <= 0) {
                return "";
            }
            int filled = (int) Math.min(BAR, done * BAR / total);
            return "[" + "=".repeat(Math.max(0, filled - 1)) + (filled > 0 ? ">" : "") + " ".repeat(BAR - filled) + "]";
        }
    }
}
