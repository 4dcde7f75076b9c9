package io.minicontainer.cgroups;

import io.minicontainer.sys.Pidfd;
import io.minicontainer.sys.SyscallException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What v1 and v2 do alike: waiting for a freeze, killing every process (freeze, kill, thaw, until
 * empty) and removing the directories. Each version supplies its files.
 */
abstract sealed class BaseCgroup implements Cgroup permits CgroupV1, CgroupV2 {
    private static final int SIGKILL = 9;
    /** v1 can stay FREEZING until asked again (runc asks again too); v2 does not mind being asked. */
    private static final Duration ASK_AGAIN = Duration.ofMillis(100);
    /** Killing does not wait long for a freeze: a task in uninterruptible sleep should not hold it up. */
    private static final Duration FREEZE_BEFORE_KILL = Duration.ofSeconds(1);

    final Timeouts timeouts;

    BaseCgroup(Timeouts timeouts) {
        this.timeouts = timeouts;
    }

    /** Whether this cgroup has a freezer (v1: the freezer hierarchy is mounted; v2: Linux 5.2+). */
    abstract boolean canFreeze();

    /** Writes the freeze request once; {@link #frozen()} says when the kernel is done. */
    abstract void requestFreeze();

    /** The cgroup, as error messages name it. */
    abstract String describe();

    @Override
    public void freeze() {
        if (!freezeWithin(timeouts.freeze())) {
            thaw();
            throw new CgroupException("freeze " + describe() + ": not frozen after " + timeouts.freeze().toSeconds()
                    + " s (a process in uninterruptible sleep?)");
        }
    }

    private boolean freezeWithin(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long askAgain = System.nanoTime();
        for (;;) {
            if (System.nanoTime() - askAgain >= 0) {
                requestFreeze();
                askAgain = System.nanoTime() + ASK_AGAIN.toNanos();
            }
            if (frozen()) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            CgroupFiles.sleep(Duration.ofMillis(10));
        }
    }

    @Override
    public void killAll() {
        killEachProcess();
    }

    /**
     * SIGKILL to each pid in cgroup.procs, then read it again until it is empty: a fork in flight
     * shows up only afterwards. Frozen, nothing can fork while the list is read and signalled, and a
     * frozen process cannot exit, so its pid cannot go to a stranger in between.
     */
    final void killEachProcess() {
        Set<Long> signalled = new HashSet<>();
        long deadline = System.nanoTime() + timeouts.empty().toNanos();
        for (Set<Long> pids = pids(); !pids.isEmpty(); pids = pids()) {
            if (System.nanoTime() - deadline > 0) {
                throw new CgroupException("kill the processes of " + describe() + ": still there after "
                        + timeouts.empty().toSeconds() + " s: " + pids);
            }
            if (!signalled.containsAll(pids)) {
                signalled.addAll(killWhileFrozen());
            }
            CgroupFiles.sleep(Duration.ofMillis(10));
        }
    }

    private Set<Long> killWhileFrozen() {
        boolean freezing = canFreeze();
        try {
            if (freezing) {
                freezeQuietly();
            }
            Set<Long> pids = pids();
            pids.forEach(this::kill);
            return pids;
        } finally {
            if (freezing) {
                thaw(); // a frozen v1 process dies of SIGKILL only once thawed
            }
        }
    }

    private void freezeQuietly() {
        try {
            freezeWithin(FREEZE_BEFORE_KILL);
        } catch (CgroupException e) {
            // killing unfrozen is still killing; the next round catches what forked meanwhile
        }
    }

    private void kill(long pid) {
        try {
            Pidfd.open(pid).ifPresent(process -> {
                try (process) {
                    process.signal(SIGKILL);
                }
            });
        } catch (SyscallException e) {
            throw new CgroupException("kill process " + pid + " of " + describe() + ": " + e.getMessage(), e);
        }
    }

    /** Every pid in the cgroup, including cgroups the container made inside it. */
    final Set<Long> pids() {
        Set<Long> pids = new LinkedHashSet<>();
        for (Path dir : directories()) {
            for (Path procs : procsFilesUnder(dir)) {
                pids.addAll(CgroupFiles.pids(procs));
            }
        }
        return pids;
    }

    private static List<Path> procsFilesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.find(dir, Integer.MAX_VALUE, (path, attributes) -> attributes.isDirectory())) {
            return dirs.map(each -> each.resolve("cgroup.procs")).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(dir.resolve("cgroup.procs")); // a child cgroup went away under the walk
        }
    }

    @Override
    public void destroy() {
        if (directories().stream().noneMatch(Files::isDirectory)) {
            return;
        }
        killAll();
        if (!CgroupFiles.await(() -> pids().isEmpty(), timeouts.empty())) {
            throw new CgroupException("remove " + describe() + ": processes still there after "
                    + timeouts.empty().toSeconds() + " s: " + pids());
        }
        for (Path dir : directories()) {
            CgroupFiles.removeTree(dir, timeouts.rmdir());
        }
    }
}
