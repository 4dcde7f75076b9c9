package io.minicontainer.cgroups;

import java.time.Duration;

/**
 * How long a cgroup operation waits for the kernel before it fails (tests shorten them).
 *
 * @param freeze how long freezing may take before it is undone and reported
 * @param empty  how long killed processes may take to leave the cgroup
 * @param rmdir  how long a directory may stay busy after its last task left
 */
record Timeouts(Duration freeze, Duration empty, Duration rmdir) {
    static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1));
}
