package io.minicontainer.cli;

import java.time.Duration;
import java.util.Locale;

/** docker's human-readable sizes (decimal units, 3 significant digits) and durations. */
final class HumanUnits {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};
    private static final long DAY = 24 * 3600;
    private static final long WEEK = 7 * DAY;
    private static final long MONTH = 30 * DAY;
    private static final long YEAR = 365 * DAY;

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

    /**
     * docker's go-units HumanDuration: "Less than a second", "1 second", "42 seconds", "About a minute",
     * "12 minutes", "About an hour", "30 hours", "5 days", "3 weeks", "4 months", "2 years". Seconds and
     * minutes are truncated; hours and the longer units are rounded (months are 30 days, years 365).
     */
    static String duration(Duration d) {
        double seconds = d.getSeconds() + d.getNano() / 1e9;
        long wholeSeconds = (long) seconds;
        long minutes = (long) (seconds / 60);
        long hours = rounded(seconds, 3600);
        if (wholeSeconds < 1) {
            return "Less than a second";
        } else if (wholeSeconds == 1) {
            return "1 second";
        } else if (wholeSeconds < 60) {
            return wholeSeconds + " seconds";
        } else if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        } else if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (seconds < 2 * WEEK) {
            return rounded(seconds, DAY) + " days";
        } else if (seconds < 2 * MONTH) {
            return rounded(seconds, WEEK) + " weeks";
        } else if (seconds < 2 * YEAR) {
            return rounded(seconds, MONTH) + " months";
        }
        return rounded(seconds, YEAR) + " years";
    }

    private static long rounded(double seconds, long unit) {
        return (long) (seconds / unit + 0.5);
    }
}
