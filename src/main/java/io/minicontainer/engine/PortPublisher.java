package io.minicontainer.engine;

import io.minicontainer.network.Ipv4Address;
import io.minicontainer.network.NetworkException;
import io.minicontainer.network.Nft;
import io.minicontainer.network.NftRules;
import io.minicontainer.network.PortSpec;
import io.minicontainer.network.Protocol;
import io.minicontainer.network.PublishedPort;
import io.minicontainer.network.RouteLocalnet;
import io.minicontainer.state.Container;
import io.minicontainer.state.ContainerStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code -p}: a container's ports reached through the host, as nft map elements of MiniContainer's
 * table. Each container keeps the script that takes its elements out again; its monitor runs it
 * when the container is gone, and rm and prune run it again after a crash (it is idempotent).
 */
public final class PortPublisher {
    static final String UNPUBLISH = "unpublish.nft";
    private static final List<String> NFT_DIRS = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin");

    private final ContainerStore containers;
    private final NftRules rules;

    PortPublisher(ContainerStore containers, String nftTable) {
        this.containers = containers;
        this.rules = new NftRules(nftTable);
    }

    /** Picks host ports (docker's: the given one, else a free one), checks they are free, publishes them. */
    List<PublishedPort> publish(String id, List<PortSpec> specs, Ipv4Address address, String bridge, Path containerDir) {
        Set<String> taken = takenByOthers(id);
        List<PublishedPort> ports = new ArrayList<>();
        for (PortSpec spec : specs) {
            int hostPort = spec.anyHostPort() ? freePort(spec.protocol(), taken) : spec.hostPortFirst();
            PublishedPort port = new PublishedPort(id, spec.protocol(), spec.hostIp(), hostPort, address, spec.containerPort());
            if (!taken.add(key(port)) || !bindable(port)) {
                throw allocated(port);
            }
            ports.add(port);
        }
        apply(ports, bridge, containerDir);
        return ports;
    }

    /** The same ports again for a container started again, possibly at another address. */
    List<PublishedPort> republish(String id, List<PublishedPort> recorded, Ipv4Address address, String bridge,
            Path containerDir) {
        Set<String> taken = takenByOthers(id);
        List<PublishedPort> ports = recorded.stream().map(p -> new PublishedPort(id, p.protocol(), p.hostIp(),
                p.hostPort(), address, p.containerPort())).toList();
        for (PublishedPort port : ports) {
            if (taken.contains(key(port)) || !bindable(port)) {
                throw allocated(port);
            }
        }
        apply(ports, bridge, containerDir);
        return ports;
    }

    private static NetworkException allocated(PublishedPort port) {
        return new NetworkException("Bind for " + port.hostIp() + ":" + port.hostPort() + " failed: port is already allocated");
    }

    private void apply(List<PublishedPort> ports, String bridge, Path containerDir) {
        if (ports.isEmpty()) {
            return;
        }
        try {
            Files.writeString(containerDir.resolve(UNPUBLISH), rules.removePorts(ports));
        } catch (IOException e) {
            throw new UncheckedIOException("write " + containerDir.resolve(UNPUBLISH) + ": " + e.getMessage(), e);
        }
        new Nft().apply(rules.addPorts(ports));
        RouteLocalnet.enable(bridge); // so that 127.0.0.1:PORT from the host reaches the container too
    }

    /** Takes the container's elements out; nothing to do when it published nothing. */
    void unpublish(Path containerDir) {
        Path script = containerDir.resolve(UNPUBLISH);
        if (Files.exists(script)) {
            try {
                new Nft().apply(Files.readString(script));
            } catch (IOException e) {
                throw new UncheckedIOException("read " + script + ": " + e.getMessage(), e);
            }
        }
    }

    /** What the monitor runs at exit: nft on the container's script. */
    static List<String> exitCommand(Path containerDir) {
        String nft = NFT_DIRS.stream().map(dir -> Path.of(dir, "nft")).filter(Files::isExecutable).findFirst()
                .map(Path::toString).orElse("/usr/sbin/nft");
        return List.of(nft, "-f", containerDir.resolve(UNPUBLISH).toString());
    }

    /** Host ports of the other running containers, as "proto/port" (any address overlaps any other). */
    private Set<String> takenByOthers(String id) {
        return containers.list().stream().filter(c -> !c.id().equals(id) && c.running())
                .flatMap(c -> recorded(c).stream()).map(PortPublisher::key).collect(Collectors.toSet());
    }

    private static String key(PublishedPort port) {
        return port.protocol().keyword() + "/" + port.hostPort();
    }

    /** A host process holding the port would take the traffic, or lose it: refused as docker does. */
    private static boolean bindable(PublishedPort port) {
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByAddress(port.hostIp().octets()),
                    port.hostPort());
            if (port.protocol() == Protocol.UDP) {
                try (DatagramSocket socket = new DatagramSocket(address)) {
                    return socket.isBound();
                }
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(address);
                return true;
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort(Protocol protocol, Set<String> taken) {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (!taken.contains(protocol.keyword() + "/" + port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("find a free port: " + e.getMessage(), e);
            }
        }
        throw new NetworkException("no free host port found");
    }

    /** A container's published ports, from its record's NetworkSettings.Ports (docker's shape). */
    public static List<PublishedPort> recorded(Container container) {
        List<PublishedPort> ports = new ArrayList<>();
        if (!(container.record().json().get("NetworkSettings") instanceof Map<?, ?> settings)
                || !(settings.get("Ports") instanceof Map<?, ?> byPort)
                || !(settings.get("IPAddress") instanceof String ip) || ip.isEmpty()) {
            return ports;
        }
        byPort.forEach((key, bindings) -> {
            String[] portAndProto = String.valueOf(key).split("/");
            if (bindings instanceof List<?> list) {
                for (Object binding : list) {
                    if (binding instanceof Map<?, ?> host) {
                        ports.add(new PublishedPort(container.id(), Protocol.parse(portAndProto[1]),
                                Ipv4Address.parse(String.valueOf(host.get("HostIp"))),
                                Integer.parseInt(String.valueOf(host.get("HostPort"))), Ipv4Address.parse(ip),
                                Integer.parseInt(portAndProto[0])));
                    }
                }
            }
        });
        return ports;
    }
}
