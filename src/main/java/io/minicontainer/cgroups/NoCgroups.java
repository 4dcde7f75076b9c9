package io.minicontainer.cgroups;

import java.util.Optional;

/** A host without cgroups: nothing can be made, and the caller decides whether to run without. */
final class NoCgroups implements Cgroups {
    @Override
    public Cgroup create(String name, Limits limits) {
        if (!limits.equals(Limits.none())) {
            throw new CgroupException("cannot set resource limits: no cgroup file system is mounted on this host");
        }
        throw new CgroupException("cannot create cgroup " + name + ": no cgroup file system is mounted on this host");
    }

    @Override
    public Optional<Cgroup> open(String name) {
        return Optional.empty();
    }

    @Override
    public CgroupMode mode() {
        return CgroupMode.NONE;
    }
}
