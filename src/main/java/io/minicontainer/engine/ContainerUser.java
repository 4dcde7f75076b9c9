package io.minicontainer.engine;

import io.minicontainer.engine.EtcPasswd.Group;
import io.minicontainer.engine.EtcPasswd.User;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The identity a container's process runs as, resolved from a docker {@code --user} /
 * {@code USER} value against the image's own passwd and group files, the way runc's
 * {@code GetExecUser} does it (docker hands the value to it unchanged).
 *
 * @param additionalGids the groups that list the user as a member, without the primary one; only
 *                       when the group was not given explicitly, as in runc
 * @param home           the user's home from passwd, or "/" when it has no entry
 */
record ContainerUser(long uid, long gid, List<Long> additionalGids, String home) {
    private static final Pattern NUMERIC = Pattern.compile("[+-]?[0-9]+");
    private static final long MAX_ID = Integer.MAX_VALUE;

    ContainerUser {
        additionalGids = List.copyOf(additionalGids);
    }

    /** {@code ""}, {@code uid}, {@code name}, each optionally followed by {@code :gid} or {@code :group}. */
    static ContainerUser resolve(String spec, Function<String, Optional<String>> imageFile) {
        String[] parts = spec.split(":", -1);
        String userArg = parts[0];
        String groupArg = parts.length > 1 ? parts[1] : ""; // runc ignores any further fields
        List<Group> groups = EtcPasswd.groups(imageFile);
        ContainerUser user = findUser(userArg, EtcPasswd.users(imageFile), groups);
        if (groupArg.isEmpty()) {
            return user;
        }
        // An explicit group replaces the primary one and, as in runc, every supplementary one.
        return new ContainerUser(user.uid(), findGroupId(groupArg, groups), List.of(), user.home());
    }

    /** The first matching entry: root's for "", by uid for a number (always), else by name. */
    private static ContainerUser findUser(String userArg, List<User> users, List<Group> groups) {
        Long uid = userArg.isEmpty() ? Long.valueOf(0) : numericId(userArg);
        Optional<User> entry = users.stream()
                .filter(user -> uid != null ? user.uid() == uid : user.name().equals(userArg))
                .findFirst();
        if (entry.isPresent()) {
            User user = entry.get();
            return new ContainerUser(user.uid(), user.gid(), groupsListing(user.name(), user.gid(), groups),
                    user.home().isEmpty() ? "/" : user.home());
        }
        if (uid == null) {
            throw new EngineException("unable to find user " + userArg + ": no matching entries in passwd file");
        }
        return new ContainerUser(uid, 0, List.of(), "/"); // a uid without an entry is fine, as in runc
    }

    /** A group named in the spec: by gid for a number (with or without an entry), else by name. */
    private static long findGroupId(String groupArg, List<Group> groups) {
        Long gid = numericId(groupArg);
        if (gid != null) {
            return gid;
        }
        return groups.stream().filter(group -> group.name().equals(groupArg)).findFirst().map(Group::gid)
                .orElseThrow(() -> new EngineException(
                        "unable to find group " + groupArg + ": no matching entries in group file"));
    }

    private static List<Long> groupsListing(String userName, long primaryGid, List<Group> groups) {
        return groups.stream().filter(group -> group.members().contains(userName)).map(Group::gid)
                .filter(gid -> gid != primaryGid).distinct().toList();
    }

    /** The id a number stands for, or null when the text is a name; runc's range for a number. */
    private static Long numericId(String text) {
        if (!NUMERIC.matcher(text).matches()) {
            return null;
        }
        try {
            long id = Long.parseLong(text);
            if (id >= 0 && id <= MAX_ID) {
                return id;
            }
        } catch (NumberFormatException e) {
            // too long for a long: out of range like any other
        }
        throw new EngineException("uids and gids must be in range 0-" + MAX_ID);
    }
}
