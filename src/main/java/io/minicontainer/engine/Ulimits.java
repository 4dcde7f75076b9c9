package io.minicontainer.engine;

import io.minicontainer.oci.Spec;
import io.minicontainer.runtime.RlimitType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * docker's {@code --ulimit NAME=SOFT[:HARD]}: the names docker accepts, a single value for both
 * limits, -1 for unlimited, and docker's messages. A later value for the same name wins.
 */
public final class Ulimits {
    /** docker's names (go-units): every limit but "as", which docker leaves out. */
    private static final Set<String> NAMES = Set.of("core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue",
            "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack");

    private Ulimits() {}

    public static List<Spec.Rlimit> parse(List<String> values) {
        Map<String, Spec.Rlimit> byName = new LinkedHashMap<>();
        for (String value : values) {
            Spec.Rlimit limit = parseOne(value);
            byName.remove(limit.type());
            byName.put(limit.type(), limit);
        }
        return new ArrayList<>(byName.values());
    }

    private static Spec.Rlimit parseOne(String value) {
        String[] parts = value.split("=", 2);
        if (parts.length != 2) {
            throw invalid(value, "invalid ulimit argument: " + value);
        }
        if (!NAMES.contains(parts[0])) {
            throw invalid(value, "invalid ulimit type: " + parts[0]);
        }
        String[] limits = parts[1].split(":", -1);
        if (limits.length > 2) {
            throw invalid(value, "too many limit value arguments - " + parts[1] + ", can only have up to two, `soft[:hard]`");
        }
        long soft = number(value, limits[0]);
        long hard = limits.length == 2 ? number(value, limits[1]) : soft;
        if (Long.compareUnsigned(soft, hard) > 0) { // -1 is unlimited: above every other value
            throw invalid(value, "ulimit soft limit must be less than or equal to hard limit: " + soft + " > " + hard);
        }
        return new Spec.Rlimit(RlimitType.byDockerName(parts[0]).orElseThrow().name(), hard, soft);
    }

    /** Go's strconv.ParseInt, base 10, with its messages. */
    private static long number(String value, String text) {
        if (!text.matches("[+-]?[0-9]+")) {
            throw invalid(value, "strconv.ParseInt: parsing \"" + text + "\": invalid syntax");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw invalid(value, "strconv.ParseInt: parsing \"" + text + "\": value out of range");
        }
    }

    /** docker's notation for a limit: {@code nofile=1024:2048}. */
    public static String describe(Spec.Rlimit limit) {
        return RlimitType.bySpecName(limit.type()).map(RlimitType::dockerName).orElse(limit.type()) + "="
                + limit.soft() + ":" + limit.hard();
    }

    private static EngineException invalid(String value, String reason) {
        return new EngineException("invalid argument \"" + value + "\" for \"--ulimit\" flag: " + reason);
    }
}
