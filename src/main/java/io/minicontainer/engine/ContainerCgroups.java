package io.minicontainer.engine;

import io.minicontainer.cgroups.Cgroup;
import io.minicontainer.cgroups.Cgroups;
import io.minicontainer.cgroups.DeviceAccess;
import io.minicontainer.oci.DeviceRule;
import io.minicontainer.oci.Spec;
import io.minicontainer.state.Container;
import java.util.List;
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

    /** The spec's device cgroup ({@code linux.resources.devices}) on a new cgroup, before the container enters it. */
    static void restrictDevices(Cgroup cgroup, Spec spec) {
        List<DeviceRule> rules = spec.linux().deviceRules();
        if (!rules.isEmpty()) {
            cgroup.setDeviceRules(rules.stream().map(rule -> new DeviceAccess(rule.allow(), rule.type().charAt(0),
                    rule.major(), rule.minor(), rule.access())).toList());
        }
    }
}
