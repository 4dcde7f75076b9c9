package io.minicontainer.runtime;

import java.util.List;

/**
 * What the caller decides beyond the OCI spec: whether the container reads the caller's stdin,
 * whether it dies with the process that started it, and what to remove afterwards.
 */
public record LaunchOptions(
        boolean keepStdin,
        boolean dieWithParent,
        List<String> removeOnExit,
        List<String> removeOnFailure) {
    public LaunchOptions {
        removeOnExit = List.copyOf(removeOnExit);
        removeOnFailure = List.copyOf(removeOnFailure);
    }
}
