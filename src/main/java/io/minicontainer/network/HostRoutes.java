package io.minicontainer.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's IPv4 routes from {@code /proc/net/route}, the kernel's main routing table, enough to tell which
 * networks the host already reaches directly (a new bridge subnet must not shadow them).
 */
public final class HostRoutes {
    public static final Path PROC_NET_ROUTE = Path.of("/proc/net/route");

    /** A route: the interface it leaves through and the destination network. */
    public record Route(String device, Subnet destination) {
        /** The route of last resort (0.0.0.0/0), which overlaps everything and so blocks nothing. */
        public boolean isDefault() {
            return destination.prefix() == 0;
        }
    }

    private HostRoutes() {}

    public static List<Route> read() {
        return read(PROC_NET_ROUTE);
    }

    /** No file (no IPv4 in this namespace) means no routes. */
    public static List<Route> read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses the table: a header line, then per route whitespace-separated columns {@code Iface Destination
     * Gateway Flags RefCnt Use Metric Mask ...}, addresses as 8 hex digits.
     */
    static List<Route> parse(String text) {
        List<Route> routes = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].trim().split("\\s+");
            if (fields.length < 8) {
                continue;
            }
            Ipv4Address destination = hexAddress(fields[1]);
            int prefix = Integer.bitCount(hexAddress(fields[7]).bits());
            routes.add(new Route(fields[0], Subnet.containing(destination, prefix)));
        }
        return List.copyOf(routes);
    }

    /** The kernel prints the address's memory as a native integer: byte-swapped on little-endian hosts. */
    private static Ipv4Address hexAddress(String hex) {
        int bits = Integer.parseUnsignedInt(hex, 16);
        return new Ipv4Address(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? Integer.reverseBytes(bits) : bits);
    }
}
