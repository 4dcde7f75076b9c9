package io.minicontainer.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An image's {@code /etc/passwd} and {@code /etc/group}, read as runc reads them: blank lines are
 * skipped, missing trailing fields are empty. Unlike runc, a line whose id is not a number (a
 * comment, a corrupt entry) is skipped instead of being taken as id 0, which could make it root's.
 */
final class EtcPasswd {
    static final String PASSWD = "/etc/passwd";
    static final String GROUP = "/etc/group";

    /** {@code name:x:uid:gid:gecos:home:shell} */
    record User(String name, long uid, long gid, String home) {}

    /** {@code name:x:gid:member,member} */
    record Group(String name, long gid, List<String> members) {
        Group {
            members = List.copyOf(members);
        }
    }

    private EtcPasswd() {}

    /** The users of the image's passwd file; empty when it has none. */
    static List<User> users(Function<String, Optional<String>> imageFile) {
        List<User> users = new ArrayList<>();
        for (String[] fields : entries(imageFile, PASSWD, 7)) {
            Long uid = number(fields[2]);
            Long gid = number(fields[3]);
            if (uid != null && gid != null) {
                users.add(new User(fields[0], uid, gid, fields[5]));
            }
        }
        return users;
    }

    /** The groups of the image's group file; empty when it has none. */
    static List<Group> groups(Function<String, Optional<String>> imageFile) {
        List<Group> groups = new ArrayList<>();
        for (String[] fields : entries(imageFile, GROUP, 4)) {
            Long gid = number(fields[2]);
            if (gid != null) {
                List<String> members = fields[3].isEmpty() ? List.of() : Arrays.asList(fields[3].split(","));
                groups.add(new Group(fields[0], gid, members));
            }
        }
        return groups;
    }

    /** Each non-blank line split at ':' into exactly {@code count} fields. */
    private static List<String[]> entries(Function<String, Optional<String>> imageFile, String path, int count) {
        List<String[]> entries = new ArrayList<>();
        for (String line : imageFile.apply(path).orElse("").split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                String[] fields = Arrays.copyOf(trimmed.split(":", count), count);
                Arrays.setAll(fields, i -> Objects.requireNonNullElse(fields[i], ""));
                entries.add(fields);
            }
        }
        return entries;
    }

    /** A decimal id, or null when the text is not one. */
    static Long number(String text) {
        if (!text.matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(text);
    }
}
