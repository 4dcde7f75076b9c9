package io.minicontainer.state;

import java.util.List;
import java.util.Locale;

/** Signal names as docker takes them: {@code SIGTERM}, {@code TERM}, {@code term} or {@code 15}. */
public final class Signals {
    public static final int SIGKILL = 9;
    public static final int SIGTERM = 15;

    /** Linux x86-64/arm64 numbering, index = number. */
    private static final List<String> NAMES = List.of("", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE",
            "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN",
            "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");
    private static final int RTMIN = 34;
    private static final int RTMAX = 64;

    private Signals() {}

    public static int parse(String text) {
        String name = text.toUpperCase(Locale.ROOT).strip();
        if (name.startsWith("SIG")) {
            name = name.substring(3);
        }
        if (name.matches("\\d+")) {
            int number = Integer.parseInt(name);
            if (number >= 1 && number <= RTMAX) {
                return number;
            }
        } else if (name.equals("IOT")) {
            return 6;
        } else if (name.startsWith("RTMIN") || name.startsWith("RTMAX")) {
            return realTime(name, text);
        } else if (NAMES.indexOf(name) > 0) {
            return NAMES.indexOf(name);
        }
        throw new StateException("invalid signal: " + text);
    }

    private static int realTime(String name, String text) {
        String offset = name.substring(5);
        int base = name.startsWith("RTMIN") ? RTMIN : RTMAX;
        if (offset.isEmpty()) {
            return base;
        }
        if (offset.matches("[+-]\\d+")) {
            int number = base + Integer.parseInt(offset);
            if (number >= RTMIN && number <= RTMAX) {
                return number;
            }
        }
        throw new StateException("invalid signal: " + text);
    }
}
