package io.minicontainer.engine;

import io.minicontainer.cgroups.Cgroup;
import io.minicontainer.cgroups.CgroupException;
import io.minicontainer.cgroups.Cgroups;
import io.minicontainer.engine.volume.VolumeStore;
import io.minicontainer.image.store.Trees;
import io.minicontainer.oci.Spec;
import io.minicontainer.oci.SpecJson;
import io.minicontainer.runtime.AttachOptions;
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
    private final ContainerNetworks networks;

    /** @param env the caller's environment: which bridge and nftables table (see {@link Networking}) */
    public Lifecycle(ContainerLayout layout, Launcher launcher, Cgroups cgroups, java.util.Map<String, String> env) {
        this.cgroups = cgroups;
        this.networks = new ContainerNetworks(layout, env);
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
        networks.stopped(container);
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
            networks.leave(container);
            containers.remove(container.id(), container.name());
            new UsernsRanges(layout).release(container.id());
            new VolumeStore(layout).removeAnonymous(mounts);
        }
    }

    /** {@link #start(Container, Optional, String)} with docker's detach keys and signal proxy, stdin as recorded. */
    public int start(Container found, boolean attach, String printed) {
        return start(found, attach ? Optional.of(AttachOptions.DEFAULT.withStdin(true)) : Optional.empty(), printed);
    }

    /**
     * Starts an exited container again with the same config and filesystem. Attached, this JVM
     * becomes the CLI's half of the helper and never returns (a running container is attached to);
     * detached, the helper prints {@code printed} once it runs.
     */
    @SuppressWarnings("try") // the lock is held, not used
    public int start(Container found, Optional<AttachOptions> attach, String printed) {
        Plan plan;
        try (ContainerStore.Lock lock = containers.lock(found.id())) {
            Container container = reload(found);
            if (container.running() && attach.isEmpty()) {
                System.out.println(printed);
                return 0;
            }
            if (container.running()) {
                plan = null;
            } else {
                plan = prepareStart(container, attach, printed);
                if (attach.isPresent()) {
                    launcher.exec(plan, container.dir().resolve("launch.plan"));
                }
            }
        }
        if (plan == null) {
            attach(reload(found), attach.orElseThrow()); // outside the lock: an attach may last for days
            return 0;
        }
        return launcher.spawn(plan, found.dir().resolve("launch.plan"));
    }

    /**
     * Attaches this CLI to a running container's monitor (its output, its stdin if it was started with
     * -i and {@code options.stdin()}, its terminal): this JVM becomes the helper and never returns.
     */
    public void attach(Container container, AttachOptions options) {
        if (!container.running()) {
            throw new StateException("You cannot attach to a stopped container, start it first");
        }
        if (paused(container)) {
            throw new StateException("You cannot attach to a paused container, unpause it first");
        }
        Path planFile = container.dir().resolve("attach-" + Long.toHexString(System.nanoTime()) + ".plan");
        Plan plan = launcher.compileAttach(container.dir().resolve("attach.sock").toString(), container.record().tty(),
                options.withStdin(options.stdin() && container.record().openStdin()), planFile.toString());
        try {
            launcher.attach(plan, planFile);
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(planFile);
            } catch (IOException ignored) {
                // the helper never ran: a stale plan file harms nothing
            }
            throw e;
        }
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
     * The same networks again, each with the same address when it is still free (the namespace went with the
     * last run, so it is made again), and the same published ports.
     */
    private ContainerNetworks.Joined rejoin(Container container) {
        List<NetworkSettings.Endpoint> endpoints = NetworkSettings.endpoints(container.record());
        Rollback rollback = new Rollback();
        NetNamespace.removePersistent(layout.netns(container.id()));
        try {
            ContainerNetworks.Joined joined = networks.join(container.id(), endpoints, (publisher, first) ->
                    publisher.republish(container.id(), PortPublisher.recorded(container), first.address(),
                            first.bridge(), container.dir()), rollback);
            containers.writeRecord(NetworkSettings.with(container.record(), NetworkSettings.of(joined.attachments(),
                    joined.ports(), endpoints, container.id().substring(0, 12), container.name())));
            networks.announce(container.id(), container.name(), joined.networks());
            return joined;
        } catch (RuntimeException e) {
            rollback.run();
            throw e;
        }
    }

    /** A fresh cgroup with the container's limits and devices (a crash's goes first), its networks, its plan. */
    private Plan prepareStart(Container container, Optional<AttachOptions> attach, String printed) {
        destroyLeftCgroup(container.id());
        Spec spec = spec(container);
        Cgroup cgroup = cgroups.create(container.id(), HostResources.of(container.record()).limits());
        try {
            cgroup.restrictDevices(spec.linux().deviceRules());
        } catch (RuntimeException e) {
            cgroup.destroy();
            throw e;
        }
        Optional<String> netns = joinedNetwork(spec);
        ContainerNetworks.Joined joined = netns.isPresent() ? rejoin(container) : ContainerNetworks.Joined.NOTHING;
        return startPlan(container, spec, attach, Optional.of(printed), cgroup, netns, joined);
    }

    private Plan startPlan(Container container, Spec spec, Optional<AttachOptions> attach, Optional<String> printed,
            Cgroup cgroup, Optional<String> netns, ContainerNetworks.Joined joined) {
        List<String> owned = List.of(container.dir().toString(), containers.nameFile(container.name()).toString(),
                containers.lockFile(container.id()).toString());
        return launcher.compile(spec, new LaunchOptions(container.record().openStdin(), true,
                Engine.removedAtExit(container.record().autoRemove() ? owned : List.of(), joined), List.of(),
                Optional.of(container.dir().toString()), ContainerJson.logLimits(container.record()),
                attach.isPresent() ? Optional.empty() : printed, LaunchOptions.CgroupPaths.of(cgroup),
                netns.map(List::of).orElse(List.of()),
                joined.ports().isEmpty() ? List.of() : PortPublisher.exitCommand(container.dir()),
                attach.map(a -> a.withStdin(a.stdin() && container.record().openStdin())).orElse(AttachOptions.DEFAULT)));
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
                    container.ifPresent(networks::leave);
                    bytes += Trees.size(containers.dir(id));
                    containers.remove(id, container.map(Container::name).orElse(""));
                    removed.add(id);
                }
            }
        }
        containers.danglingNames().forEach(containers::removeName);
        containers.removeStaleLocks();
        networks.releaseStaleLeases();
        new UsernsRanges(layout).releaseStale();
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
