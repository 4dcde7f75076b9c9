package io.minicontainer.cgroups;

/**
 * One rule of a container's device cgroup, applied in order (the last rule that matches a device and
 * an access decides): allow or deny {@code access} (a subset of {@code rwm}: read, write, mknod) on
 * devices of {@code type} ({@code 'a'}ll, {@code 'b'}lock, {@code 'c'}haracter) with this major and
 * minor ({@link #ANY} for every number).
 */
public record DeviceAccess(boolean allow, char type, long major, long minor, String access) {
    public static final long ANY = -1;

    public DeviceAccess {
        if ("abc".indexOf(type) < 0 || access.isEmpty() || !access.chars().allMatch(c -> "rwm".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("device rule " + type + " " + access);
        }
    }

    /** As cgroup v1's devices.allow and devices.deny take it: {@code c 1:3 rwm}, {@code a *:* rwm}. */
    String v1Line() {
        return type + " " + number(major) + ":" + number(minor) + " " + access;
    }

    private static String number(long value) {
        return value == ANY ? "*" : Long.toString(value);
    }
}
