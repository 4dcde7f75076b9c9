package io.minicontainer.state;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's time.ParseDuration, which docker uses for relative --since and --until: 10m, 1h30m, 1.5h, -45s. */
final class GoDuration {
    // longer units first, so that "ms" is not read as "m" followed by garbage
    private static final Pattern PART = Pattern.compile("([0-9]*)(?:\\.([0-9]*))?(ns|us|\u00b5s|\u03bcs|ms|s|m|h)");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

    private GoDuration() {}

    /** The duration, or empty when Go would refuse it (no unit, unknown unit, no digits, over ~292 years). */
    static Optional<Duration> parse(String text) {
        boolean negative = text.startsWith("-");
        String rest = negative || text.startsWith("+") ? text.substring(1) : text;
        if (rest.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher part = PART.matcher(rest);
        for (int at = 0; at < rest.length(); at = part.end()) {
            part.region(at, rest.length());
            if (!part.lookingAt()) {
                return Optional.empty();
            }
            String whole = part.group(1);
            String fraction = part.group(2) == null ? "" : part.group(2);
            if (whole.isEmpty() && fraction.isEmpty()) {
                return Optional.empty();
            }
            BigDecimal number = new BigDecimal((whole.isEmpty() ? "0" : whole) + "." + fraction + "0");
            nanos = nanos.add(number.multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(part.group(3)))));
        }
        nanos = nanos.setScale(0, RoundingMode.DOWN);
        if (nanos.compareTo(MAX_NANOS) > 0) {
            return Optional.empty();
        }
        long value = nanos.longValueExact();
        return Optional.of(Duration.ofNanos(negative ? -value : value));
    }
}
