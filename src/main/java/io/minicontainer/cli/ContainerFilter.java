package io.minicontainer.cli;

import io.minicontainer.image.ImageReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code docker ps --filter KEY=VALUE}: the values of one key are OR'ed, different keys AND'ed, except
 * {@code label}, whose values must all match (as in docker). Keys:
 * <ul>
 *   <li>{@code name=REGEX}: unanchored regular expression on the name, with or without docker's leading '/';
 *   <li>{@code id=PREFIX}: the ID starts with it;
 *   <li>{@code status=created|restarting|running|removing|paused|exited|dead};
 *   <li>{@code label=KEY} or {@code label=KEY=VALUE};
 *   <li>{@code exited=CODE}: a stopped container that ran and exited with that code;
 *   <li>{@code ancestor=IMAGE}: created from that reference ({@code busybox} is {@code busybox:latest}), or
 *       from an image whose ID starts with it. docker also matches images built on top of it; we do not.
 * </ul>
 * Errors read like docker's: {@code invalid argument "x" for "-f, --filter" flag: bad format of filter
 * (expected name=value)}, {@code invalid filter 'foo'}, {@code invalid filter 'status=foo'}.
 */
final class ContainerFilter implements Predicate<ContainerFilter.Candidate> {
    private static final Set<String> KEYS = Set.of("ancestor", "exited", "id", "label", "name", "status");
    private static final Set<String> DOCKER_ONLY_KEYS =
            Set.of("before", "since", "health", "volume", "network", "is-task", "publish", "expose", "isolation");
    private static final Set<String> STATES =
            Set.of("created", "restarting", "running", "removing", "paused", "exited", "dead");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    /**
     * What a filter looks at.
     *
     * @param name     without docker's leading '/'
     * @param status   docker's state: created, running, paused, restarting, removing, exited or dead
     * @param exitCode null if the container never ran
     * @param image    the reference the container was created from
     * @param imageId  {@code sha256:...}, or null if unknown
     */
    record Candidate(String id, String name, String status, Map<String, String> labels, Integer exitCode,
                     String image, String imageId) {
        Candidate(String id, String name, String status, Map<String, String> labels, Integer exitCode, String image) {
            this(id, name, status, labels, exitCode, image, null);
        }
    }

    private final Map<String, List<String>> filters;
    private final List<Pattern> names = new ArrayList<>();
    private final List<Integer> exitCodes = new ArrayList<>();

    private ContainerFilter(Map<String, List<String>> filters) {
        this.filters = filters;
    }

    /** The {@code -f} values as given, in order; an empty value is ignored, as docker does. */
    static ContainerFilter parse(List<String> values) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String value : values) {
            if (value.isEmpty()) {
                continue;
            }
            int equals = value.indexOf('=');
            if (equals < 0) {
                throw new CliException("invalid argument \"" + value + "\" for \"-f, --filter\" flag: "
                        + "bad format of filter (expected name=value)");
            }
            String key = value.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            filters.computeIfAbsent(key, k -> new ArrayList<>()).add(value.substring(equals + 1).strip());
        }
        ContainerFilter filter = new ContainerFilter(filters);
        filter.validate();
        return filter;
    }

    private void validate() {
        for (String key : filters.keySet()) {
            if (DOCKER_ONLY_KEYS.contains(key)) {
                throw new CliException("filter '" + key + "' is not supported");
            }
            if (!KEYS.contains(key)) {
                throw new CliException("invalid filter '" + key + "'");
            }
        }
        for (String code : values("exited")) {
            exitCodes.add(exitCode(code));
        }
        for (String state : values("status")) {
            if (!STATES.contains(state)) {
                throw new CliException("invalid filter 'status=" + state + "'");
            }
        }
        for (String name : values("name")) {
            try {
                names.add(Pattern.compile(name));
            } catch (PatternSyntaxException e) {
                names.add(null); // docker skips a pattern that does not compile: it matches nothing
            }
        }
    }

    /** docker's daemon reports a bad exit code with Go's own words. */
    private static int exitCode(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            boolean digits = code.matches("[+-]?[0-9]+");
            throw new CliException("strconv.Atoi: parsing " + GoValues.quote(code) + ": "
                    + (digits ? "value out of range" : "invalid syntax"));
        }
    }

    boolean isEmpty() {
        return filters.isEmpty();
    }

    /** A status filter lists stopped containers without {@code --all}, as in docker. */
    boolean impliesAll() {
        return filters.containsKey("status");
    }

    @Override
    public boolean test(Candidate candidate) {
        return matchesAny("name", () -> names.stream().anyMatch(p -> p != null && nameMatches(p, candidate.name())))
                && matchesAny("id", () -> values("id").stream()
                        .anyMatch(id -> !id.isEmpty() && candidate.id().startsWith(id)))
                && matchesAny("status", () -> values("status").contains(candidate.status()))
                && matchesAny("exited", () -> exited(candidate))
                && matchesAny("ancestor", () -> values("ancestor").stream().anyMatch(a -> ancestor(a, candidate)))
                && labels(candidate.labels());
    }

    private boolean matchesAny(String key, java.util.function.BooleanSupplier matches) {
        return !filters.containsKey(key) || matches.getAsBoolean();
    }

    private List<String> values(String key) {
        return filters.getOrDefault(key, List.of());
    }

    private static boolean nameMatches(Pattern pattern, String name) {
        return pattern.matcher(name).find() || pattern.matcher("/" + name).find();
    }

    /** Only a container that ran and stopped has an exit code to match. */
    private boolean exited(Candidate candidate) {
        Set<String> notStopped = Set.of("created", "running", "paused", "restarting");
        return candidate.exitCode() != null && !notStopped.contains(candidate.status())
                && exitCodes.contains(candidate.exitCode());
    }

    /** Every label filter must match: {@code key} present, or {@code key=value} equal. */
    private boolean labels(Map<String, String> labels) {
        for (String filter : values("label")) {
            if (labels == null) {
                return false;
            }
            int equals = filter.indexOf('=');
            String key = equals < 0 ? filter : filter.substring(0, equals);
            if (!labels.containsKey(key) || (equals >= 0 && !filter.substring(equals + 1).equals(labels.get(key)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean ancestor(String value, Candidate candidate) {
        if (value.equals(candidate.image()) || sameReference(value, candidate.image())) {
            return true;
        }
        String prefix = value.startsWith("sha256:") ? value.substring("sha256:".length()) : value;
        String imageId = candidate.imageId() == null ? "" : candidate.imageId().replaceFirst("^sha256:", "");
        return HEX.matcher(prefix).matches() && !imageId.isEmpty() && imageId.startsWith(prefix);
    }

    private static boolean sameReference(String a, String b) {
        if (b == null) {
            return false;
        }
        try {
            return ImageReference.parse(a).toString().equals(ImageReference.parse(b).toString());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
