package io.minicontainer.runtime;

import java.util.List;
import java.util.Optional;

/**
 * What the caller decides beyond the OCI spec: whether the container reads the caller's stdin,
 * whether it dies with its monitor, what to remove afterwards, where the monitor keeps status and
 * log, and whether the CLI detaches (printing {@code detach}) once the container runs.
 */
public record LaunchOptions(
        boolean keepStdin,
        boolean dieWithParent,
        List<String> removeOnExit,
        List<String> removeOnFailure,
        Optional<String> stateDir,
        LogLimits log,
        Optional<String> detach) {

    public LaunchOptions {
        removeOnExit = List.copyOf(removeOnExit);
        removeOnFailure = List.copyOf(removeOnFailure);
    }

    /** Without state: a plan that only runs (tests, the OCI runtime's callers keep their own). */
    public LaunchOptions(boolean keepStdin, boolean dieWithParent, List<String> removeOnExit, List<String> removeOnFailure) {
        this(keepStdin, dieWithParent, removeOnExit, removeOnFailure, Optional.empty(), LogLimits.UNLIMITED,
                Optional.empty());
    }

    /** docker's --log-opt max-size and max-file; 0 bytes is no limit. */
    public record LogLimits(long maxSize, int maxFiles) {
        public static final LogLimits UNLIMITED = new LogLimits(0, 1);
    }
}
