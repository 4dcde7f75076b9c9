package io.minicontainer.state;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** What {@link ContainerLog#write} wrote: each stream, and both in the order they were written. */
record LogOutput(byte[] stdout, byte[] stderr, byte[] both) {
    private static final LogQuery NEVER_FOLLOWED = LogQuery.all();

    static LogOutput of(ContainerLog log, LogQuery query) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        log.write(query, out, err, () -> false);
        log.write(query, both, both, () -> false);
        return new LogOutput(out.toByteArray(), err.toByteArray(), both.toByteArray());
    }

    static LogOutput of(ContainerLog log) {
        return of(log, NEVER_FOLLOWED);
    }

    String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    String err() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    String all() {
        return new String(both, StandardCharsets.UTF_8);
    }
}
