package io.minicontainer.runtime;

import io.minicontainer.cgroups.Cgroup;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the caller decides beyond the OCI spec: whether the container reads the caller's stdin,
 * whether it dies with its monitor, what to remove afterwards, where the monitor keeps status and
 * log, whether the CLI detaches (printing {@code detach}) once the container runs, and its cgroup;
 * when it does not detach, how it stays attached ({@code attach}).
 */
public record LaunchOptions(
        boolean keepStdin,
        boolean dieWithParent,
        List<String> removeOnExit,
        List<String> removeOnFailure,
        Optional<String> stateDir,
        LogLimits log,
        Optional<String> detach,
        CgroupPaths cgroup,
        List<String> ownedNamespaces,
        List<String> exitCommand,
        AttachOptions attach) {

    public LaunchOptions {
        removeOnExit = List.copyOf(removeOnExit);
        removeOnFailure = List.copyOf(removeOnFailure);
        ownedNamespaces = List.copyOf(ownedNamespaces);
        exitCommand = List.copyOf(exitCommand);
    }

    public LaunchOptions(boolean keepStdin, boolean dieWithParent, List<String> removeOnExit, List<String> removeOnFailure,
            Optional<String> stateDir, LogLimits log, Optional<String> detach, CgroupPaths cgroup,
            List<String> ownedNamespaces, List<String> exitCommand) {
        this(keepStdin, dieWithParent, removeOnExit, removeOnFailure, stateDir, log, detach, cgroup, ownedNamespaces,
                exitCommand, AttachOptions.DEFAULT);
    }

    public LaunchOptions(boolean keepStdin, boolean dieWithParent, List<String> removeOnExit, List<String> removeOnFailure,
            Optional<String> stateDir, LogLimits log, Optional<String> detach, CgroupPaths cgroup,
            List<String> ownedNamespaces) {
        this(keepStdin, dieWithParent, removeOnExit, removeOnFailure, stateDir, log, detach, cgroup, ownedNamespaces,
                List.of());
    }

    public LaunchOptions(boolean keepStdin, boolean dieWithParent, List<String> removeOnExit, List<String> removeOnFailure,
            Optional<String> stateDir, LogLimits log, Optional<String> detach, CgroupPaths cgroup) {
        this(keepStdin, dieWithParent, removeOnExit, removeOnFailure, stateDir, log, detach, cgroup, List.of(), List.of());
    }

    /** Without state: a plan that only runs (tests, the OCI runtime's callers keep their own). */
    public LaunchOptions(boolean keepStdin, boolean dieWithParent, List<String> removeOnExit, List<String> removeOnFailure) {
        this(keepStdin, dieWithParent, removeOnExit, removeOnFailure, Optional.empty(), LogLimits.UNLIMITED,
                Optional.empty(), CgroupPaths.NONE, List.of(), List.of(), AttachOptions.DEFAULT);
    }

    /**
     * The container's cgroup, made by the caller: the cgroup.procs files its pid goes into before it
     * runs (one per v1 hierarchy), and the file that counts OOM kills.
     */
    public record CgroupPaths(List<String> procsFiles, Optional<String> oomEvents) {
        public static final CgroupPaths NONE = new CgroupPaths(List.of(), Optional.empty());

        public static CgroupPaths of(Cgroup cgroup) {
            return new CgroupPaths(cgroup.procsFiles().stream().map(Path::toString).toList(),
                    cgroup.oomEventsFile().map(Path::toString));
        }

        public CgroupPaths {
            procsFiles = List.copyOf(procsFiles);
        }
    }

    /** docker's --log-opt max-size and max-file; 0 bytes is no limit. */
    public record LogLimits(long maxSize, int maxFiles) {
        public static final LogLimits UNLIMITED = new LogLimits(0, 1);
    }
}
