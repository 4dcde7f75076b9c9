package io.minicontainer.engine;

import io.minicontainer.cgroups.Cgroup;
import io.minicontainer.cgroups.Cgroups;
import io.minicontainer.state.Container;
import java.util.Optional;

/** Where a container's cgroup is: named by the container's full id under the host's cgroups' parent. */
public final class ContainerCgroups {
    private final Cgroups cgroups;

    public ContainerCgroups(Cgroups cgroups) {
        this.cgroups = cgroups;
    }

    /** The container's cgroup, or empty when there is none (never started, or gone with a reboot). */
    public Optional<Cgroup> of(Container container) {
        return cgroups.open(container.id());
    }
}
