package io.minicontainer.runtime;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The resource limits, by the spec's name (RLIMIT_NOFILE), with the kernel's number (the generic Linux ABI). */
public enum RlimitType {
    RLIMIT_CPU(0), RLIMIT_FSIZE(1), RLIMIT_DATA(2), RLIMIT_STACK(3), RLIMIT_CORE(4), RLIMIT_RSS(5),
    RLIMIT_NPROC(6), RLIMIT_NOFILE(7), RLIMIT_MEMLOCK(8), RLIMIT_AS(9), RLIMIT_LOCKS(10),
    RLIMIT_SIGPENDING(11), RLIMIT_MSGQUEUE(12), RLIMIT_NICE(13), RLIMIT_RTPRIO(14), RLIMIT_RTTIME(15);

    private final int resource;

    RlimitType(int resource) {
        this.resource = resource;
    }

    /** The number getrlimit(2) takes. */
    public int resource() {
        return resource;
    }

    /** docker's name for it: nofile, nproc, core... */
    public String dockerName() {
        return name().substring("RLIMIT_".length()).toLowerCase(Locale.ROOT);
    }

    public static Optional<RlimitType> bySpecName(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
    }

    public static Optional<RlimitType> byDockerName(String name) {
        return Arrays.stream(values()).filter(type -> type.dockerName().equals(name)).findFirst();
    }
}
