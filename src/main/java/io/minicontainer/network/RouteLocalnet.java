package io.minicontainer.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sysctl that lets {@code -p 8080:80} answer on {@code 127.0.0.1:8080} from the host. The output chain
 * DNATs such a connection to the container, but the kernel refuses to route a packet with a 127.0.0.0/8
 * source out of a non-loopback device unless that device has {@code route_localnet=1}. As docker does, it is
 * set on each bridge only (not {@code all}), and the postrouting chain masquerades that traffic so the
 * container sees the bridge's gateway address, never 127.0.0.1; the input chain drops new connections from a
 * bridge to 127.0.0.0/8, which the setting would otherwise let containers make.
 */
public final class RouteLocalnet {
    public static final Path PROC_SYS = Path.of("/proc/sys");

    private RouteLocalnet() {}

    /** {@code PROC_SYS/net/ipv4/conf/BRIDGE/route_localnet}. */
    public static Path file(Path procSys, String bridge) {
        return procSys.resolve("net/ipv4/conf").resolve(bridge).resolve("route_localnet");
    }

    /** Turns it on for {@code bridge}, which must exist. */
    public static void enable(String bridge) {
        enable(PROC_SYS, bridge);
    }

    static void enable(Path procSys, String bridge) {
        Path file = file(procSys, bridge);
        try {
            Files.writeString(file, "1\n");
        } catch (IOException e) {
            throw new NetworkException("enable route_localnet on " + bridge + ": write " + file + ": " + e.getMessage(), e);
        }
    }
}
