package io.minicontainer.cli;

import java.time.Duration;
import java.util.Locale;

/** docker's human-readable sizes (decimal units, 3 significant digits) and durations. */
final class HumanUnits {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

    private HumanUnits() {}

    /** 4.26MB, 725kB, 12B. */
    static String size(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        String digits = String.format(Locale.ROOT, "%.3g", value);
        if (digits.contains(".")) {
            digits = digits.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return digits + UNITS[unit];
    }

    /** "3 seconds", "About a minute", "2 hours", "5 days", "3 weeks", "4 months", "2 years". */
    static String duration(Duration d) {
        long seconds = d.toSeconds();
        long minutes = d.toMinutes();
        long hours = d.toHours();
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        } else if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        } else if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        } else if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return hours / 24 / 365 + " years";
    }
}
