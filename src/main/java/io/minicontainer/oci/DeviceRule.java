package io.minicontainer.oci;

/**
 * One of the spec's {@code linux.resources.devices}: the device cgroup's rules, applied in order
 * (the last that matches a device decides). {@code type} is {@code a} (all), {@code c} or {@code b};
 * a major or minor of {@link #ANY} matches every number; {@code access} is a subset of {@code rwm}.
 */
public record DeviceRule(boolean allow, String type, long major, long minor, String access) {
    public static final long ANY = -1;

    /** Every device, every access. */
    public static DeviceRule all(boolean allow) {
        return new DeviceRule(allow, "a", ANY, ANY, "rwm");
    }

    public static DeviceRule allowChar(long major, long minor, String access) {
        return new DeviceRule(true, "c", major, minor, access);
    }
}
