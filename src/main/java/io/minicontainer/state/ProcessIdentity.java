package io.minicontainer.state;

import io.minicontainer.sys.Pidfd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process as the kernel names it for good: pid, start time (clock ticks since boot, field 22 of
 * /proc/PID/stat) and boot id. A pid alone is reused; the three together never are, so a record
 * written before a crash or a reboot cannot make us signal a stranger.
 */
public record ProcessIdentity(long pid, long startTicks, String bootId) {

    /** Whether that very process still runs (a zombie, waiting for its parent to reap it, does not). */
    public boolean alive() {
        return pid > 0 && bootId.equals(currentBootId()) && startTicks(pid) == startTicks;
    }

    /** A pidfd on this very process, or empty when it is gone: checked after opening, so no race. */
    public Optional<Pidfd> open() {
        if (!alive()) {
            return Optional.empty();
        }
        Optional<Pidfd> pidfd = Pidfd.open(pid);
        if (pidfd.isPresent() && startTicks(pid) != startTicks) {
            pidfd.get().close(); // the pid was reused between our check and the open
            return Optional.empty();
        }
        return pidfd;
    }

    /** Start time of {@code pid}, or -1 when no such process (a zombie has ended: -1 too). */
    public static long startTicks(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        } catch (IOException e) {
            return -1;
        }
        // the command name in (...) may hold spaces and parentheses: count fields after the last ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return fields[0].equals("Z") || fields[0].equals("X") ? -1 : Long.parseLong(fields[19]);
    }

    /** Read once: it changes only with a reboot, and ps checks it for every container. */
    public static String currentBootId() {
        return BootId.VALUE;
    }

    private static final class BootId {
        static final String VALUE = read();

        private static String read() {
            try {
                return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
            } catch (IOException e) {
                return "";
            }
        }
    }
}
