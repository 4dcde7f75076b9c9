package io.minicontainer.runtime;

import java.util.List;

/** A compiled launch plan: the steps in order, and the root they prepare (for display). */
public record Plan(String rootfs, List<Step> steps) {
    public Plan {
        steps = List.copyOf(steps);
    }

    /** An exec plan: it joins a running container instead of creating one. */
    public boolean joins() {
        return steps.stream().anyMatch(Step.Join.class::isInstance);
    }

    /** A host path under the rootfs as the container will see it; other paths unchanged. */
    public String inContainer(String path) {
        if (path.equals(rootfs)) {
            return "/";
        }
        return path.startsWith(rootfs + "/") ? path.substring(rootfs.length()) : path;
    }
}
