package io.minicontainer.engine.mount;

import java.util.List;
import java.util.Map;

/**
 * One mount the user asked for with {@code -v}, {@code --mount} or {@code --tmpfs}, parsed and
 * checked as far as that is possible without looking at the host. Targets are absolute and clean.
 */
public sealed interface MountRequest {

    /** Where it appears in the container. */
    String target();

    /**
     * A host path. {@code createSource}: {@code -v} creates a missing directory, {@code --mount}
     * refuses it, as docker does.
     */
    record Bind(String source, String target, boolean readOnly, Recursion recursion, String propagation,
            boolean createSource) implements MountRequest {}

    /** A named volume, or an anonymous one when {@code name} is empty; created when missing. */
    record Volume(String name, String target, boolean readOnly, Map<String, String> labels) implements MountRequest {
        public Volume {
            labels = Map.copyOf(labels);
        }

        public boolean anonymous() {
            return name.isEmpty();
        }
    }

    /** A tmpfs with its complete mount options (docker's defaults merged with the user's). */
    record Tmpfs(String target, List<String> options) implements MountRequest {
        public Tmpfs {
            options = List.copyOf(options);
        }
    }

    /** docker's {@code bind-recursive}: what happens to the mounts below a bind's source. */
    enum Recursion {
        /** Submounts are bound too, and read-only with the bind when the kernel can (5.12+). */
        ENABLED,
        /** Only the source itself, not the mounts below it. */
        DISABLED,
        /** Submounts are bound but stay writable under a read-only bind (docker 24's behaviour). */
        WRITABLE,
        /** Submounts read-only or an error: never silently writable. */
        READONLY
    }
}
