package io.minicontainer.engine;

import io.minicontainer.cgroups.Cgroup;
import io.minicontainer.cgroups.CgroupException;
import io.minicontainer.cgroups.CgroupMode;
import io.minicontainer.cgroups.CgroupStats;
import io.minicontainer.cgroups.Cgroups;
import io.minicontainer.cgroups.Limits;
import io.minicontainer.oci.Spec;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Cgroups in memory, for tests of what uses them: limits set, frozen or not, stats handed out in turn. */
public final class FakeCgroups implements Cgroups {
    private final Map<String, FakeCgroup> groups = new HashMap<>();

    public FakeCgroup add(String name) {
        FakeCgroup cgroup = new FakeCgroup();
        groups.put(name, cgroup);
        return cgroup;
    }

    @Override
    public Cgroup create(String name, Limits limits) {
        FakeCgroup cgroup = add(name);
        cgroup.setLimits(limits);
        return cgroup;
    }

    @Override
    public Optional<Cgroup> open(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    @Override
    public CgroupMode mode() {
        return CgroupMode.V2;
    }

    /** One cgroup; {@link #failWith} makes every change fail as a real one can (EBUSY, EINVAL...). */
    public static final class FakeCgroup implements Cgroup {
        public final List<Limits> limitsSet = new ArrayList<>();
        public final List<Spec.DeviceRule> deviceRules = new ArrayList<>();
        private final Deque<CgroupStats> stats = new ArrayDeque<>();
        private boolean frozen;
        private String failure;

        public FakeCgroup failWith(String message) {
            failure = message;
            return this;
        }

        /** Handed out one per call to stats(), the last one again and again. */
        public FakeCgroup withStats(CgroupStats... samples) {
            stats.addAll(List.of(samples));
            return this;
        }

        private void change() {
            if (failure != null) {
                throw new CgroupException(failure);
            }
        }

        @Override
        public List<Path> procsFiles() {
            return List.of();
        }

        @Override
        public void restrictDevices(List<Spec.DeviceRule> rules) {
            change();
            deviceRules.addAll(rules);
        }

        @Override
        public Optional<Path> oomEventsFile() {
            return Optional.empty();
        }

        @Override
        public List<Path> directories() {
            return List.of();
        }

        @Override
        public void setLimits(Limits limits) {
            change();
            limitsSet.add(limits);
        }

        @Override
        public CgroupStats stats() {
            change();
            return stats.size() > 1 ? stats.poll() : stats.getFirst();
        }

        @Override
        public void freeze() {
            change();
            frozen = true;
        }

        @Override
        public void thaw() {
            change();
            frozen = false;
        }

        @Override
        public boolean frozen() {
            return frozen;
        }

        @Override
        public void killAll() {
            change();
        }

        @Override
        public void destroy() {
            change();
        }
    }
}
