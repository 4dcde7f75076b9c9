package io.minicontainer.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * docker's resource flags of {@code run} and {@code update}, read as docker's CLI reads them: sizes like
 * go-units' RAMInBytes ({@code 512m}, {@code 1.5g}, {@code 64MiB}), {@code --cpus} as an exact rational
 * number, integers like Go's strconv.ParseInt with base 0. A value that cannot be read is an
 * {@link InvalidFlag} with docker's wording; what docker's daemon refuses is checked by {@link ResourceChecks}.
 */
public final class ResourceFlags {
    /** The flags by long name, with the name docker's messages give them. */
    public static final Map<String, String> NAMES = names();

    private static final Pattern GO_DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern GO_FRACTION = Pattern.compile("([+-]?\\d+)/(\\d+)");
    private static final String NUMBER_CHARS = "01234567890. ";

    private ResourceFlags() {}

    /** A flag value that cannot be read, worded as pflag words it: {@code invalid argument "x" for "--cpus" flag: ...}. */
    public static final class InvalidFlag extends EngineException {
        InvalidFlag(String flag, String value, String reason) {
            super("invalid argument " + goQuote(value) + " for " + goQuote(NAMES.get(flag)) + " flag: " + reason);
        }
    }

    private static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("memory", "-m, --memory");
        names.put("memory-swap", "--memory-swap");
        names.put("memory-reservation", "--memory-reservation");
        names.put("cpus", "--cpus");
        names.put("cpu-shares", "-c, --cpu-shares");
        names.put("cpu-period", "--cpu-period");
        names.put("cpu-quota", "--cpu-quota");
        names.put("cpuset-cpus", "--cpuset-cpus");
        names.put("pids-limit", "--pids-limit");
        return java.util.Collections.unmodifiableMap(names);
    }

    /** For run: read, checked as docker's daemon checks a new container, with docker's default swap. */
    public static HostResources forRun(Map<String, String> given, HostCpus host) {
        HostResources resources = parse(given, false);
        ResourceChecks.check(resources, host, false);
        return resources.withCreationDefaults();
    }

    /**
     * For update: read only. As with docker, {@code --pids-limit 0} leaves the limit alone and a negative
     * one makes it unlimited (recorded as 0); the checks come per container ({@link ResourceChecks}).
     */
    public static HostResources forUpdate(Map<String, String> given) {
        return parse(given, true);
    }

    static HostResources parse(Map<String, String> given, boolean update) {
        for (String flag : given.keySet()) {
            if (!NAMES.containsKey(flag)) {
                throw new IllegalArgumentException("not a resource flag: " + flag);
            }
        }
        long pids = integer(given, "pids-limit");
        OptionalLong pidsLimit = update ? (pids == 0 ? OptionalLong.empty() : OptionalLong.of(Math.max(pids, 0)))
                : (pids > 0 ? OptionalLong.of(pids) : OptionalLong.empty());
        String swap = given.get("memory-swap");
        return new HostResources(size(given, "memory"), "-1".equals(swap) ? -1 : size(given, "memory-swap"),
                size(given, "memory-reservation"), nanoCpus(given), integer(given, "cpu-shares"),
                integer(given, "cpu-period"), integer(given, "cpu-quota"), given.getOrDefault("cpuset-cpus", ""),
                pidsLimit);
    }

    private static long size(Map<String, String> given, String flag) {
        String value = given.get(flag);
        if (value == null) {
            return 0;
        }
        try {
            return ramInBytes(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFlag(flag, value, e.getMessage());
        }
    }

    private static long integer(Map<String, String> given, String flag) {
        String value = given.get(flag);
        if (value == null) {
            return 0;
        }
        try {
            return GoIntegers.parseInt64(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFlag(flag, value, e.getMessage());
        }
    }

    private static long nanoCpus(Map<String, String> given) {
        String value = given.get("cpus");
        if (value == null) {
            return 0;
        }
        try {
            return parseCpus(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFlag("cpus", value, e.getMessage());
        }
    }

    /**
     * go-units' RAMInBytes: a number, an optional space, an optional unit {@code b k m g t p} (1024-based,
     * any case) with an optional {@code b} or {@code ib} after it.
     *
     * @throws IllegalArgumentException with go-units' message: {@code invalid size: 'x'}, {@code invalid suffix: 'x'}
     */
    static long ramInBytes(String text) {
        int sep = lastIndexOfAny(text, NUMBER_CHARS);
        if (sep < 0) {
            throw new IllegalArgumentException("invalid size: '" + text + "'");
        }
        String number = text.charAt(sep) == ' ' ? text.substring(0, sep) : text.substring(0, sep + 1);
        String suffix = text.substring(sep + 1);
        double size = parseFloat(number);
        if (size < 0) {
            throw new IllegalArgumentException("invalid size: '" + text + "'");
        }
        if (suffix.isEmpty()) {
            return goInt64(size);
        }
        if (suffix.length() > 3) {
            throw badSuffix(suffix);
        }
        suffix = suffix.toLowerCase(Locale.ROOT);
        if (suffix.charAt(0) == 'b') {
            if (suffix.length() > 1) {
                throw badSuffix(suffix);
            }
            return goInt64(size);
        }
        int power = "kmgtp".indexOf(suffix.charAt(0)) + 1;
        if (power == 0 || suffix.length() == 2 && suffix.charAt(1) != 'b'
                || suffix.length() == 3 && !suffix.substring(1).equals("ib")) {
            throw badSuffix(suffix);
        }
        return goInt64(size * Math.pow(1024, power));
    }

    private static IllegalArgumentException badSuffix(String suffix) {
        return new IllegalArgumentException("invalid suffix: '" + suffix + "'");
    }

    private static int lastIndexOfAny(String text, String chars) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Go's strconv.ParseFloat for decimal numbers, with its messages. */
    private static double parseFloat(String text) {
        if (!GO_DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("strconv.ParseFloat: parsing " + goQuote(text) + ": invalid syntax");
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("strconv.ParseFloat: parsing " + goQuote(text) + ": value out of range");
        }
        return value;
    }

    /** Go's int64(f) on amd64: a float beyond the range becomes the minimum, which docker then refuses. */
    private static long goInt64(double value) {
        return value >= 0x1p63 ? Long.MIN_VALUE : (long) value;
    }

    /**
     * docker's ParseCPUs: an exact rational ({@code 1.5}, {@code 0.25}, {@code 3/4}, {@code 2e-1}) in billionths.
     *
     * @throws IllegalArgumentException {@code failed to parse X as a rational number}, {@code value is too precise}
     */
    static long parseCpus(String text) {
        long plain = plainDecimalNanos(text);
        return plain >= 0 ? plain : parseCpusExactly(text);
    }

    /**
     * What people type ({@code 2}, {@code 0.5}, {@code 1.25}) in long arithmetic: BigDecimal's first
     * use costs ~45 ms in the interpreter {@code run} uses. -1 for anything else.
     */
    private static long plainDecimalNanos(String text) {
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        String fraction = dot < 0 ? "" : text.substring(dot + 1);
        if (whole.isEmpty() || whole.length() > 9 || fraction.length() > 9 || !digits(whole) || !digits(fraction)) {
            return -1;
        }
        long nanos = Long.parseLong(whole) * HostResources.NANOS_PER_CPU;
        return fraction.isEmpty() ? nanos : nanos + Long.parseLong((fraction + "00000000").substring(0, 9));
    }

    private static boolean digits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static long parseCpusExactly(String text) {
        BigDecimal value;
        var fraction = GO_FRACTION.matcher(text);
        if (fraction.matches() && !new BigInteger(fraction.group(2)).equals(BigInteger.ZERO)) {
            BigInteger[] parts = new BigInteger(fraction.group(1)).multiply(BigInteger.valueOf(HostResources.NANOS_PER_CPU))
                    .divideAndRemainder(new BigInteger(fraction.group(2)));
            if (parts[1].signum() != 0) {
                throw new IllegalArgumentException("value is too precise");
            }
            return saturated(new BigDecimal(parts[0]));
        } else if (GO_DECIMAL.matcher(text).matches()) {
            value = new BigDecimal(text).multiply(BigDecimal.valueOf(HostResources.NANOS_PER_CPU));
        } else {
            throw new IllegalArgumentException("failed to parse " + text + " as a rational number");
        }
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("value is too precise");
        }
        return saturated(value);
    }

    /** Far beyond any host's CPUs either way: the range check refuses it. */
    private static long saturated(BigDecimal nanos) {
        BigDecimal max = BigDecimal.valueOf(Long.MAX_VALUE);
        return nanos.compareTo(max) > 0 ? Long.MAX_VALUE : nanos.compareTo(max.negate()) < 0 ? -Long.MAX_VALUE
                : nanos.longValueExact();
    }

    /** Go's %q for the ASCII a flag value usually is. */
    static String goQuote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"', '\\' -> quoted.append('\\').append(c);
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> quoted.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }
}
