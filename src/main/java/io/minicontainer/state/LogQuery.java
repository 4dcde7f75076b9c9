package io.minicontainer.state;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Which part of a container's log {@code minicontainer logs} shows, as docker's flags say.
 *
 * <p>A line is what the container wrote up to a newline, however many records it took; its time is its first
 * record's. {@code since} and {@code until} choose lines by time, both inclusive as in docker; {@code tail}
 * then keeps the last lines of those.
 *
 * @param tail       the last lines to show (docker's {@code --tail}); {@link #ALL_LINES} for all
 * @param since      show lines written at or after this time; null for no limit
 * @param until      show lines written at or before this time; null for no limit
 * @param timestamps prefix every line with its time and a space (docker's {@code -t})
 * @param follow     keep showing new lines while the container runs (docker's {@code -f})
 */
public record LogQuery(int tail, Instant since, Instant until, boolean timestamps, boolean follow) {
    public static final int ALL_LINES = -1;

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    public LogQuery {
        tail = Math.max(tail, ALL_LINES);
    }

    /** The whole log, once: {@code minicontainer logs ID} without flags. */
    public static LogQuery all() {
        return new LogQuery(ALL_LINES, null, null, false, false);
    }

    /**
     * The query for docker's flag values as typed; null or empty for a flag not given.
     *
     * @param now the time durations in {@code since} and {@code until} count back from
     * @throws StateException for a value docker would refuse
     */
    public static LogQuery fromFlags(String tail, String since, String until, boolean timestamps, boolean follow,
            Instant now) {
        return new LogQuery(parseTail(tail), time("since", since, now), time("until", until, now), timestamps, follow);
    }

    /** docker's {@code --tail}: "all", or a count; a negative count means all. */
    public static int parseTail(String value) {
        if (value == null || value.isEmpty() || value.equals("all")) {
            return ALL_LINES;
        }
        if (!INTEGER.matcher(value).matches()) {
            throw new StateException("invalid value for \"tail\": \"" + value + "\": expected a number or \"all\"");
        }
        try {
            return Math.max(Integer.parseInt(value), ALL_LINES);
        } catch (NumberFormatException tooBig) {
            return value.startsWith("-") ? ALL_LINES : Integer.MAX_VALUE;
        }
    }

    private static Instant time(String flag, String value, Instant now) {
        return value == null || value.isEmpty() ? null : LogTimes.parse(flag, value, now);
    }

    /** Whether a line written at {@code time} is shown. */
    boolean admits(Instant time) {
        return (since == null || !time.isBefore(since)) && (until == null || !time.isAfter(until));
    }

    /** Whether lines are chosen by time, so their times must be read. */
    boolean choosesByTime() {
        return since != null || until != null;
    }
}
