package io.minicontainer.engine;

import io.minicontainer.cgroups.Cgroup;
import io.minicontainer.cgroups.CgroupException;
import io.minicontainer.cgroups.Cgroups;
import io.minicontainer.engine.volume.VolumeStore;
import io.minicontainer.image.store.Trees;
import io.minicontainer.network.BridgeNetwork;
import io.minicontainer.network.PublishedPort;
import io.minicontainer.oci.Spec;
import io.minicontainer.oci.SpecJson;
import io.minicontainer.runtime.LaunchOptions;
import io.minicontainer.runtime.Launcher;
import io.minicontainer.runtime.Plan;
import io.minicontainer.state.Container;
import io.minicontainer.state.ContainerStore;
import io.minicontainer.state.ProcessIdentity;
import io.minicontainer.state.Signals;
import io.minicontainer.state.StateException;
import io.minicontainer.sys.NetNamespace;
import io.minicontainer.sys.Pidfd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What happens to containers after run: stop, kill, wait, start, remove. Signals go through pidfds
 * opened on the identities the monitor recorded, so a reused pid is never signalled; a container is
 * changed only under its lock, so two CLIs never stop, start or remove it at once.
 */
public final class Lifecycle {
    /** How long a monitor may take to record the end once its container is dead. */
    private static final Duration MONITOR_GRACE = Duration.ofSeconds(30);

    private final ContainerLayout layout;
    private final ContainerStore containers;
    private final Launcher launcher;
    private final Cgroups cgroups;
    private final BridgeNetwork bridge;
    private final PortPublisher publisher;

    /** @param env the caller's environment: which bridge and nftables table (see {@link DefaultBridge}) */
    public Lifecycle(ContainerLayout layout, Launcher launcher, Cgroups cgroups, java.util.Map<String, String> env) {
        this.cgroups = cgroups;
        this.bridge = DefaultBridge.of(layout, env);
        this.publisher = DefaultBridge.publisher(layout, env);
        this.layout = layout;
        this.containers = layout.containers();
        this.launcher = launcher;
    }

    public Container find(String ref) {
        return containers.find(ref);
    }

    /** The stop signal, then SIGKILL after {@code timeout} (negative: wait forever); returns once it is dead. */
    public void stop(Container container, Duration timeout, Optional<String> signal) {
        int first = Signals.parse(signal.orElse(container.record().stopSignal()));
        Optional<Pidfd> process = container.process().flatMap(ProcessIdentity::open);
        if (process.isEmpty()) {
            return;
        }
        try (Pidfd pidfd = process.get()) {
            pidfd.signal(first);
            thawIfFrozen(container); // a frozen process takes its signal only once it thaws, as docker's stop does
            boolean exited = timeout.isNegative() ? pidfd.awaitExit(Duration.ofDays(365)) : pidfd.awaitExit(timeout);
            if (!exited) {
                pidfd.signal(Signals.SIGKILL);
            }
        }
        awaitMonitor(container);
    }

    public void kill(Container container, int signal) {
        Optional<Pidfd> process = container.process().flatMap(ProcessIdentity::open);
        if (process.isEmpty()) {
            throw notRunning(container);
        }
        try (Pidfd pidfd = process.get()) {
            if (!pidfd.signal(signal)) {
                throw notRunning(container);
            }
        }
    }

    /** Blocks until the container has exited and its monitor has recorded it; its exit code. */
    public int await(Container container) {
        awaitMonitor(container, Duration.ofDays(365));
        return reload(container).exitCode();
    }

    private void awaitMonitor(Container container) {
        awaitMonitor(container, MONITOR_GRACE);
    }

    private static void awaitMonitor(Container container, Duration timeout) {
        Optional<Pidfd> monitor = container.monitor().flatMap(ProcessIdentity::open);
        if (monitor.isPresent()) {
            try (Pidfd pidfd = monitor.get()) {
                pidfd.awaitExit(timeout);
            }
        }
    }

    private Container reload(Container container) {
        return containers.load(container.id()).orElse(container);
    }

    /**
     * Removes a stopped container; a running one only with {@code force}, after SIGKILL. With
     * {@code volumes}, its anonymous volumes too (once the container is gone, they are unused).
     */
    @SuppressWarnings("try") // the lock is held, not used
    public void remove(Container found, boolean force, boolean volumes) {
        try (ContainerStore.Lock lock = containers.lock(found.id())) {
            Container container = reload(found);
            if (container.running()) {
                if (!force) {
                    throw new StateException("cannot remove container \"/" + container.name() + "\": container is running:"
                            + " stop the container before removing or force remove");
                }
                kill(container, Signals.SIGKILL);
                thawIfFrozen(container);
                awaitMonitor(container);
            }
            List<Spec.Mount> mounts = volumes ? spec(container).mounts() : List.of();
            destroyLeftCgroup(container.id());
            disconnect(container);
            containers.remove(container.id(), container.name());
            new VolumeStore(layout).removeAnonymous(mounts);
        }
    }

    /**
     * Starts an exited container again with the same config and filesystem. Attached, this JVM
     * becomes the CLI's half of the helper and never returns; detached, the helper prints
     * {@code printed} once it runs.
     */
    @SuppressWarnings("try") // the lock is held, not used
    public int start(Container found, boolean attach, String printed) {
        Plan plan;
        try (ContainerStore.Lock lock = containers.lock(found.id())) {
            Container container = reload(found);
            if (container.running()) {
                if (!attach) {
                    System.out.println(printed);
                }
                return 0;
            }
            // a cgroup left by a crash goes first: the container starts in a fresh one with its limits
            destroyLeftCgroup(container.id());
            Cgroup cgroup = cgroups.create(container.id(), HostResources.of(container.record()).limits());
            Spec spec = spec(container);
            ContainerCgroups.restrictDevices(cgroup, spec);
            Optional<String> netns = joinedNetwork(spec);
            boolean published = netns.isPresent() && reconnect(container, Path.of(netns.get()));
            plan = startPlan(container, spec, attach ? Optional.empty() : Optional.of(printed), cgroup, netns, published);
            if (attach) {
                launcher.exec(plan, container.dir().resolve("launch.plan"));
            }
        }
        return launcher.spawn(plan, found.dir().resolve("launch.plan"));
    }

    private static Spec spec(Container container) {
        try {
            return SpecJson.read(Files.readString(container.config()));
        } catch (IOException e) {
            throw new UncheckedIOException("read " + container.config() + ": " + e.getMessage(), e);
        }
    }

    /** The bridge's namespace the container joins by path, if it is on the bridge. */
    private static Optional<String> joinedNetwork(Spec spec) {
        return spec.linux().namespaces().stream().filter(ns -> ns.type().equals("network") && !ns.path().isEmpty())
                .map(Spec.Namespace::path).findFirst();
    }

    /**
     * The same address when it is still free (the namespace went with the last run, so it is made
     * again) and the same published ports; true when there are ports to take down at exit.
     */
    private boolean reconnect(Container container, Path netns) {
        NetNamespace.removePersistent(netns);
        NetNamespace.createPersistent(netns);
        try {
            BridgeNetwork.Attachment attachment = bridge.attach(container.id(), netns);
            List<PublishedPort> ports = publisher.republish(container.id(), PortPublisher.recorded(container),
                    attachment.address(), container.dir());
            java.util.Map<String, Object> json = new java.util.LinkedHashMap<>(container.record().json());
            json.put("NetworkSettings", ContainerJson.networkSettings(attachment, ports));
            containers.writeRecord(new io.minicontainer.state.ContainerRecord(json));
            return !ports.isEmpty();
        } catch (RuntimeException e) {
            bridge.detach(container.id());
            NetNamespace.removePersistent(netns);
            throw e;
        }
    }

    /** A bridge container's address, and what a crash left: the host's veth end, the namespace file. */
    private void disconnect(Container container) {
        if (container.record().networkMode().equals("bridge") || Files.exists(layout.netns(container.id()))) {
            publisher.unpublish(container.dir());
            bridge.detach(container.id());
            NetNamespace.removePersistent(layout.netns(container.id()));
        }
    }

    private Plan startPlan(Container container, Spec spec, Optional<String> detach, Cgroup cgroup,
            Optional<String> netns, boolean published) {
        List<String> owned = List.of(container.dir().toString(), containers.nameFile(container.name()).toString(),
                containers.lockFile(container.id()).toString());
        return launcher.compile(spec, new LaunchOptions(container.record().openStdin(), true,
                container.record().autoRemove() ? owned : List.of(), List.of(), Optional.of(container.dir().toString()),
                ContainerJson.logLimits(container.record()), detach, LaunchOptions.CgroupPaths.of(cgroup),
                netns.map(List::of).orElse(List.of()),
                published ? PortPublisher.exitCommand(container.dir()) : List.of()));
    }

    /**
     * Removes every container that is not running, and what a crash left: directories of containers
     * never finished (no container.json), names of containers that are gone. Anything locked is being
     * created or changed right now and stays. Returns the removed containers' ids and the bytes freed.
     */
    @SuppressWarnings("try") // the lock is held, not used
    public Pruned prune() {
        List<String> removed = new ArrayList<>();
        long bytes = 0;
        for (String id : containers.ids()) {
            Optional<ContainerStore.Lock> lock = containers.tryLock(id);
            if (lock.isEmpty()) {
                continue;
            }
            try (ContainerStore.Lock held = lock.get()) {
                Optional<Container> container = containers.load(id);
                if (container.isEmpty() || !container.get().running()) {
                    destroyLeftCgroup(id);
                    container.ifPresent(this::disconnect);
                    bytes += Trees.size(containers.dir(id));
                    containers.remove(id, container.map(Container::name).orElse(""));
                    removed.add(id);
                }
            }
        }
        containers.danglingNames().forEach(containers::removeName);
        containers.removeStaleLocks();
        bridge.releaseStaleLeases();
        return new Pruned(removed, bytes);
    }

    /** What prune removed: container ids, and the bytes their directories (writable layers, logs) held. */
    public record Pruned(List<String> ids, long bytes) {}

    /** The monitor removes the cgroup as the container dies: one that vanishes meanwhile has nothing to thaw. */
    private void thawIfFrozen(Container container) {
        try {
            cgroups.open(container.id()).filter(Cgroup::frozen).ifPresent(Cgroup::thaw);
        } catch (CgroupException vanished) {
            // gone with the container
        }
    }

    /** Whether the container runs but its cgroup is frozen (pause). */
    public boolean paused(Container container) {
        try {
            return container.running() && cgroups.open(container.id()).map(Cgroup::frozen).orElse(false);
        } catch (CgroupException vanished) {
            return false;
        }
    }

    /** What a crash left (the monitor removes its own at exit): an error only if it is still there after. */
    private void destroyLeftCgroup(String id) {
        try {
            cgroups.open(id).ifPresent(Cgroup::destroy);
        } catch (CgroupException e) {
            if (cgroups.open(id).isPresent()) {
                throw e;
            }
        }
    }

    private static StateException notRunning(Container container) {
        return new StateException("container " + container.id() + " is not running");
    }
}
