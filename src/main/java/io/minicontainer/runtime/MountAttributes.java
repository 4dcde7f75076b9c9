package io.minicontainer.runtime;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import static java.util.Map.entry;

/**
 * The OCI spec's recursive mount options ({@code rro}, {@code rnosuid}...): attributes that
 * mount_setattr(2) with AT_RECURSIVE sets or clears on a mount and every mount below it, which a
 * remount cannot do (it changes one mount only). docker uses {@code rro} for read-only binds.
 */
public record MountAttributes(long set, long clear) {

    public static final long MOUNT_ATTR_RDONLY = 0x1, MOUNT_ATTR_NOSUID = 0x2, MOUNT_ATTR_NODEV = 0x4,
            MOUNT_ATTR_NOEXEC = 0x8, MOUNT_ATTR_NOSYMFOLLOW = 0x00200000;

    private static final Map<String, Long> SETS = Map.ofEntries(
            entry("rro", MOUNT_ATTR_RDONLY), entry("rnosuid", MOUNT_ATTR_NOSUID), entry("rnodev", MOUNT_ATTR_NODEV),
            entry("rnoexec", MOUNT_ATTR_NOEXEC), entry("rnosymfollow", MOUNT_ATTR_NOSYMFOLLOW));
    private static final Map<String, Long> CLEARS = Map.ofEntries(
            entry("rrw", MOUNT_ATTR_RDONLY), entry("rsuid", MOUNT_ATTR_NOSUID), entry("rdev", MOUNT_ATTR_NODEV),
            entry("rexec", MOUNT_ATTR_NOEXEC), entry("rsymfollow", MOUNT_ATTR_NOSYMFOLLOW));
    private static final List<Map.Entry<String, Long>> NAMES = List.of(
            entry("ro", MOUNT_ATTR_RDONLY), entry("nosuid", MOUNT_ATTR_NOSUID), entry("nodev", MOUNT_ATTR_NODEV),
            entry("noexec", MOUNT_ATTR_NOEXEC), entry("nosymfollow", MOUNT_ATTR_NOSYMFOLLOW));

    static boolean isRecursiveOption(String option) {
        return SETS.containsKey(option) || CLEARS.containsKey(option);
    }

    /** The recursive options among a mount's options; the later of two opposite ones wins. */
    public static MountAttributes recursive(List<String> options) {
        long set = 0, clear = 0;
        for (String option : options) {
            if (SETS.containsKey(option)) {
                set |= SETS.get(option);
                clear &= ~SETS.get(option);
            } else if (CLEARS.containsKey(option)) {
                clear |= CLEARS.get(option);
                set &= ~CLEARS.get(option);
            }
        }
        return new MountAttributes(set, clear);
    }

    public boolean isEmpty() {
        return set == 0 && clear == 0;
    }

    /** {@code ro,nosuid} for a mask, for --explain and error messages. */
    static String describe(long mask) {
        StringJoiner names = new StringJoiner(",");
        NAMES.stream().filter(name -> (mask & name.getValue()) != 0).forEach(name -> names.add(name.getKey()));
        return names.toString();
    }
}
