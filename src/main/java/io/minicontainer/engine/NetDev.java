package io.minicontainer.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The bytes a network namespace received and sent, from /proc/PID/net/dev, loopback left out (as docker's stats). */
public record NetDev(long received, long transmitted) {
    public static final NetDev ZERO = new NetDev(0, 0);
    private static final int HEADER_LINES = 2;
    private static final int TRANSMIT_BYTES = 8;

    /** The counters of {@code pid}'s network namespace; empty when the process is gone. */
    public static Optional<NetDev> of(long pid) {
        try {
            return Optional.of(parse(Files.readString(Path.of("/proc/" + pid + "/net/dev"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Sums the receive and transmit bytes of every interface but {@code lo}. */
    static NetDev parse(String text) {
        long received = 0;
        long transmitted = 0;
        String[] lines = text.split("\n");
        for (int i = HEADER_LINES; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0 || lines[i].substring(0, colon).strip().equals("lo")) {
                continue;
            }
            String[] fields = lines[i].substring(colon + 1).strip().split("\\s+");
            if (fields.length > TRANSMIT_BYTES) {
                received += Long.parseLong(fields[0]);
                transmitted += Long.parseLong(fields[TRANSMIT_BYTES]);
            }
        }
        return new NetDev(received, transmitted);
    }
}
