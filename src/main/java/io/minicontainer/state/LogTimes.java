package io.minicontainer.state;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker's values for {@code logs --since} and {@code --until}: a Go duration back from now ({@code 10m},
 * {@code 1h30m}), an RFC3339 time or a prefix of one ({@code 2026-11-29}, {@code 2026-11-29T11:22:33.5+01:00};
 * local time when it has no zone), or a unix timestamp ({@code 1700000000.5}).
 */
public final class LogTimes {
    private static final Pattern TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:T(\\d{2})(?::(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?)?)?(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern UNIX = Pattern.compile("(\\d+)(?:\\.(\\d+))?");

    private LogTimes() {}

    /** Parses {@code value} of the flag {@code flag} ("since", "until"), local times in the system's zone. */
    public static Instant parse(String flag, String value, Instant now) {
        return parse(flag, value, now, ZoneId.systemDefault());
    }

    /** As {@link #parse(String, String, Instant)}, local times in {@code zone} (its offset at {@code now}). */
    public static Instant parse(String flag, String value, Instant now, ZoneId zone) {
        Optional<Duration> ago = value.equals("0") ? Optional.empty() : GoDuration.parse(value);
        if (ago.isPresent()) {
            // docker sends whole seconds for a duration
            return Instant.ofEpochSecond(now.minus(ago.get()).getEpochSecond());
        }
        Matcher time = TIME.matcher(value);
        if (time.matches()) {
            try {
                return dateTime(time, zone.getRules().getOffset(now));
            } catch (DateTimeException e) {
                throw invalid(flag, "parsing time \"" + value + "\": " + e.getMessage());
            }
        }
        if (value.contains("-")) {
            throw invalid(flag, "parsing time \"" + value + "\": expected a time like 2006-01-02T15:04:05Z07:00");
        }
        Matcher unix = UNIX.matcher(value);
        if (unix.matches() && unix.group(1).length() <= 18) {
            return Instant.ofEpochSecond(Long.parseLong(unix.group(1)), nanos(unix.group(2)));
        }
        throw invalid(flag, "failed to parse value as time or duration: \"" + value + "\"");
    }

    private static Instant dateTime(Matcher time, ZoneOffset localOffset) {
        LocalDateTime local = LocalDateTime.of(number(time, 1), number(time, 2), number(time, 3),
                number(time, 4), number(time, 5), number(time, 6), nanos(time.group(7)));
        String zone = time.group(8);
        return local.toInstant(zone == null ? localOffset : ZoneOffset.of(zone));
    }

    private static int number(Matcher matcher, int group) {
        return matcher.group(group) == null ? 0 : Integer.parseInt(matcher.group(group));
    }

    /** A fraction's digits as nanoseconds; digits past the ninth are dropped, as Go does. */
    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String nine = (fraction + "000000000").substring(0, 9);
        return Integer.parseInt(nine);
    }

    private static StateException invalid(String flag, String reason) {
        return new StateException("invalid value for \"" + flag + "\": " + reason);
    }
}
