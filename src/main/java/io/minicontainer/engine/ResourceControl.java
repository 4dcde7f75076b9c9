package io.minicontainer.engine;

import io.minicontainer.cgroups.Cgroup;
import io.minicontainer.cgroups.CgroupException;
import io.minicontainer.state.Container;
import io.minicontainer.state.ContainerStore;
import io.minicontainer.state.StateException;

/**
 * update, pause and unpause: a container's resources and its frozen state, kept in its cgroup (while it
 * runs) and, for resources, in its record (for the next start). Each holds the container's lock, as every
 * change to a container does. Messages are docker's.
 */
public final class ResourceControl {
    private final ContainerStore containers;
    private final ContainerCgroups cgroups;
    private final HostCpus host;

    public ResourceControl(ContainerStore containers, ContainerCgroups cgroups, HostCpus host) {
        this.containers = containers;
        this.cgroups = cgroups;
        this.host = host;
    }

    /**
     * Records {@code requested} over the container's resources (what it leaves unset stays) and, if the
     * container runs, applies the result to its cgroup first: a refused change leaves the record as it was.
     */
    @SuppressWarnings("try") // the lock is held, not used
    public void update(Container found, HostResources requested) {
        ResourceChecks.check(requested, host, true);
        try (ContainerStore.Lock lock = containers.lock(found.id())) {
            Container container = containers.load(found.id())
                    .orElseThrow(() -> new StateException("no such container: " + found.id()));
            HostResources merged;
            try {
                merged = HostResources.of(container.record()).updatedWith(requested);
            } catch (EngineException e) {
                throw cannotUpdate(container, e.getMessage());
            }
            if (container.running()) {
                try {
                    cgroup(container).setLimits(merged.limits());
                } catch (CgroupException e) {
                    throw cannotUpdate(container, e.getMessage());
                }
            }
            containers.writeRecord(ContainerJson.withResources(container.record(), merged));
        }
    }

    private static EngineException cannotUpdate(Container container, String reason) {
        return new EngineException("Cannot update container " + container.id() + ": " + reason);
    }

    /** Freezes every process of a running container. */
    @SuppressWarnings("try") // the lock is held, not used
    public void pause(Container found) {
        try (ContainerStore.Lock lock = containers.lock(found.id())) {
            Container container = containers.load(found.id()).orElse(found);
            if (!container.running()) {
                throw new StateException("container " + container.id() + " is not running");
            }
            try {
                Cgroup cgroup = cgroup(container);
                if (cgroup.frozen()) {
                    throw new EngineException("container " + container.id() + " is already paused");
                }
                cgroup.freeze();
            } catch (CgroupException e) {
                throw new EngineException("cannot pause container " + container.id() + ": " + e.getMessage());
            }
        }
    }

    /** Thaws a paused container. */
    @SuppressWarnings("try") // the lock is held, not used
    public void unpause(Container found) {
        try (ContainerStore.Lock lock = containers.lock(found.id())) {
            Container container = containers.load(found.id()).orElse(found);
            if (!paused(container)) {
                throw new EngineException("Container " + container.id() + " is not paused");
            }
            try {
                cgroup(container).thaw();
            } catch (CgroupException e) {
                throw new EngineException("Cannot unpause container " + container.id() + ": " + e.getMessage());
            }
        }
    }

    /** Running, with its cgroup frozen. */
    public boolean paused(Container container) {
        return container.running() && cgroups.of(container).map(Cgroup::frozen).orElse(false);
    }

    private Cgroup cgroup(Container container) {
        return cgroups.of(container).orElseThrow(() -> new CgroupException("the container has no cgroup"));
    }
}
