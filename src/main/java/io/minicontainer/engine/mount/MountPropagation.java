package io.minicontainer.engine.mount;

import java.util.Set;

/**
 * Mount propagation of binds. A container's mount tree is made private first (so nothing it mounts
 * reaches the host), hence only the private modes can be honoured: shared and slave are refused
 * rather than silently ignored.
 */
final class MountPropagation {
    static final String DEFAULT = "rprivate";
    static final Set<String> SUPPORTED = Set.of("private", "rprivate");
    static final Set<String> ALL = Set.of("private", "rprivate", "shared", "rshared", "slave", "rslave");

    private MountPropagation() {}

    static String unsupported(String mode) {
        return "propagation \"" + mode + "\" is not supported: a container's mounts are private to it";
    }
}
