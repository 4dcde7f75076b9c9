package io.minicontainer.engine.mount;

import io.minicontainer.engine.EngineException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** All of a run's {@code -v}, {@code --mount} and {@code --tmpfs} flags, parsed, with one mount per target. */
public final class MountRequests {
    private MountRequests() {}

    /** {@code cwd} resolves host paths that start with '.', as docker's CLI does. */
    public static List<MountRequest> parse(List<String> volumes, List<String> mounts, List<String> tmpfs, Path cwd) {
        List<MountRequest> requests = new ArrayList<>();
        volumes.forEach(spec -> requests.add(VolumeFlag.parse(spec, cwd)));
        mounts.forEach(spec -> requests.add(MountFlag.parse(spec, cwd)));
        tmpfs.forEach(spec -> requests.add(TmpfsOptions.parseFlag(spec)));
        Set<String> targets = new HashSet<>();
        for (MountRequest request : requests) {
            if (request.target().equals("/dev")) {
                // the container's /dev is a tmpfs the helper fills with device nodes: never a host directory
                throw new EngineException("mounting on /dev is not supported: the container gets a /dev of its own");
            }
            if (!targets.add(request.target())) {
                throw new EngineException("Duplicate mount point: " + request.target());
            }
        }
        return List.copyOf(requests);
    }
}
