package io.minicontainer.engine;

import io.minicontainer.cgroups.CgroupStats;
import io.minicontainer.state.Container;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/** Takes {@link StatsSample}s of running containers: their cgroup's figures and their network namespace's counters. */
public final class StatsSampler {
    private final ContainerCgroups cgroups;
    private final LongFunction<Optional<NetDev>> network;
    private final LongSupplier clock;

    /**
     * @param network the counters of a pid's network namespace ({@link NetDev#of} on a real host)
     * @param clock   nanoseconds, System.nanoTime on a real host
     */
    public StatsSampler(ContainerCgroups cgroups, LongFunction<Optional<NetDev>> network, LongSupplier clock) {
        this.cgroups = cgroups;
        this.network = network;
        this.clock = clock;
    }

    public static StatsSampler forHost(ContainerCgroups cgroups) {
        return new StatsSampler(cgroups, NetDev::of, System::nanoTime);
    }

    /**
     * A sample of a running container; empty for one that is not running or has no cgroup. With the host's
     * network the container has no counters of its own: 0, as docker shows.
     */
    public Optional<StatsSample> sample(Container container) {
        if (!container.running()) {
            return Optional.empty();
        }
        Optional<CgroupStats> stats = cgroups.of(container).map(c -> c.stats());
        if (stats.isEmpty()) {
            return Optional.empty();
        }
        NetDev net = hostNetwork(container) ? NetDev.ZERO
                : container.process().flatMap(p -> network.apply(p.pid())).orElse(NetDev.ZERO);
        return Optional.of(new StatsSample(clock.getAsLong(), stats.get(), net));
    }

    private static boolean hostNetwork(Container container) {
        return container.record().networkMode().equals("host");
    }
}
