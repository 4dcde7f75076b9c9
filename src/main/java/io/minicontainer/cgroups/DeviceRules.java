package io.minicontainer.cgroups;

import io.minicontainer.oci.Spec;

/** Device cgroup rules in the kernel's words. */
final class DeviceRules {
    private DeviceRules() {}

    /** cgroup v1's line: {@code c 1:3 rwm}, {@code a *:* rwm}; -1 is the wildcard. */
    static String v1Line(Spec.DeviceRule rule) {
        return rule.type() + " " + number(rule.major()) + ":" + number(rule.minor()) + " " + rule.access();
    }

    private static String number(long value) {
        return value < 0 ? "*" : Long.toString(value);
    }
}
