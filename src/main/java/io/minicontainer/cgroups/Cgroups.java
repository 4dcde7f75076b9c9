package io.minicontainer.cgroups;

import java.util.Optional;

/** The host's cgroup system: v1 or v2 behind one interface, chosen by what the host mounts. */
public interface Cgroups {

    /**
     * Creates the cgroup {@code PARENT/name} (parent: "minicontainer" unless configured, so tests can
     * use their own) with those limits; a failure removes what it created. A limit whose controller the
     * host lacks is an error naming it.
     */
    Cgroup create(String name, Limits limits);

    /** An existing cgroup, or empty when it is gone (e.g. after a reboot). */
    Optional<Cgroup> open(String name);

    /** v1, v2 (or "hybrid, using v1"), for version and error messages. */
    CgroupMode mode();
}
