package io.minicontainer.runtime;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Linux capabilities in bit order (capability n is bit n of the kernel's masks). */
public enum Capability {
    CHOWN, DAC_OVERRIDE, DAC_READ_SEARCH, FOWNER, FSETID, KILL, SETGID, SETUID, SETPCAP,
    LINUX_IMMUTABLE, NET_BIND_SERVICE, NET_BROADCAST, NET_ADMIN, NET_RAW, IPC_LOCK, IPC_OWNER,
    SYS_MODULE, SYS_RAWIO, SYS_CHROOT, SYS_PTRACE, SYS_PACCT, SYS_ADMIN, SYS_BOOT, SYS_NICE,
    SYS_RESOURCE, SYS_TIME, SYS_TTY_CONFIG, MKNOD, LEASE, AUDIT_WRITE, AUDIT_CONTROL, SETFCAP,
    MAC_OVERRIDE, MAC_ADMIN, SYSLOG, WAKE_ALARM, BLOCK_SUSPEND, AUDIT_READ, PERFMON, BPF,
    CHECKPOINT_RESTORE;

    /** Accepts {@code CAP_CHOWN}, {@code chown} and {@code CHOWN}. */
    public static Optional<Capability> byName(String name) {
        String bare = name.toUpperCase(Locale.ROOT);
        bare = bare.startsWith("CAP_") ? bare.substring(4) : bare;
        try {
            return Optional.of(valueOf(bare));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String specName() {
        return "CAP_" + name();
    }

    public long bit() {
        return 1L << ordinal();
    }

    public static long mask(Collection<Capability> capabilities) {
        return capabilities.stream().mapToLong(Capability::bit).reduce(0, (a, b) -> a | b);
    }
}
