package io.minicontainer.engine;

import io.minicontainer.engine.EtcPasswd.Group;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code --group-add}: more supplementary groups, each a gid or a name from the container's own
 * {@code /etc/group}, added after the user's own ones (for {@code exec --user} too, as docker does).
 * The names travel in the spec's annotation so that {@code exec} resolves them again, like docker.
 */
final class GroupAdd {
    static final String ANNOTATION = "org.minicontainer.groupadd";
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    private static final long MAX_ID = Integer.MAX_VALUE;

    private GroupAdd() {}

    /** The gids of {@code groups}; a name missing from the group file is an error, as in docker. */
    static List<Long> resolve(List<String> groups, Function<String, Optional<String>> file) {
        if (groups.isEmpty()) {
            return List.of();
        }
        List<Group> entries = EtcPasswd.groups(file);
        List<Long> gids = new ArrayList<>();
        for (String group : groups) {
            Optional<Long> named = entries.stream().filter(entry -> entry.name().equals(group)).map(Group::gid).findFirst();
            gids.add(named.orElseGet(() -> numeric(group)));
        }
        return gids;
    }

    /** The user's own additional groups, then the added ones; each once. */
    static List<Long> merge(List<Long> own, List<Long> added) {
        LinkedHashSet<Long> all = new LinkedHashSet<>(own);
        all.addAll(added);
        return List.copyOf(all);
    }

    /** The annotation's value: the names as given, one per line (a name never holds a newline). */
    static String annotation(List<String> groups) {
        return String.join("\n", groups);
    }

    static List<String> fromAnnotation(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value.split("\n"));
    }

    private static long numeric(String group) {
        if (!NUMBER.matcher(group).matches()) {
            throw new EngineException("Unable to find group " + group + ": no matching entries in group file");
        }
        try {
            long gid = Long.parseLong(group);
            if (gid <= MAX_ID) {
                return gid;
            }
        } catch (NumberFormatException e) {
            // too long for a long: out of range like any other
        }
        throw new EngineException("uids and gids must be in range 0-" + MAX_ID);
    }
}
