package io.minicontainer.engine;

import io.minicontainer.network.Ipv4Address;
import io.minicontainer.network.Network;
import io.minicontainer.network.NetworkException;
import io.minicontainer.network.Subnet;
import io.minicontainer.state.Container;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/** What the {@code network} commands do: create, list, inspect, remove and prune networks, connect containers. */
public final class NetworkService {
    private final ContainerLayout layout;
    private final ContainerNetworks networks;

    /** @param env the caller's environment: the default bridge and the nftables table (see {@link Networking}) */
    public NetworkService(ContainerLayout layout, Map<String, String> env) {
        this.layout = layout;
        this.networks = new ContainerNetworks(layout, env);
    }

    /** {@code network create}: only the bridge driver, as docker's on a single host. */
    public Network create(String name, String driver, Optional<String> subnet, Optional<String> gateway,
            Map<String, String> labels) {
        if (!driver.equals("bridge")) {
            throw new NetworkException("plugin \"" + driver + "\" not found: only the bridge driver is supported");
        }
        if (gateway.isPresent() && subnet.isEmpty()) {
            throw new NetworkException("gateway with no subnet: --gateway needs --subnet");
        }
        return networks.networking().store().create(name, subnet.map(Subnet::parse), gateway.map(Ipv4Address::parse),
                labels);
    }

    public List<Network> list() {
        return networks.networking().store().list();
    }

    public Network find(String ref) {
        return networks.networking().store().find(ref);
    }

    /** The containers running on the network now: id to address. */
    public SortedMap<Ipv4Address, String> members(Network network) {
        SortedMap<Ipv4Address, String> members = new java.util.TreeMap<>();
        if (network.bridge().isPresent()) {
            networks.networking().bridge(network).leases().forEach((address, id) -> {
                if (networks.networking().inUse(id)) {
                    members.put(address, id);
                }
            });
        }
        return members;
    }

    /** docker's {@code network inspect} shape. */
    public Map<String, Object> inspect(Network network) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Name", network.name());
        json.put("Id", network.id());
        json.put("Created", network.created().toString());
        json.put("Scope", "local");
        json.put("Driver", network.driver());
        json.put("EnableIPv6", false);
        List<Object> config = new ArrayList<>();
        network.bridge().ifPresent(b -> config.add(Map.of("Subnet", b.subnet().toString(), "Gateway", b.gateway().toString())));
        json.put("IPAM", Map.of("Driver", "default", "Options", Map.of(), "Config", config));
        json.put("Internal", false);
        json.put("Attachable", false);
        json.put("Containers", containers(network));
        json.put("Options", network.bridge().map(b -> Map.of("com.docker.network.bridge.name", b.device())).orElse(Map.of()));
        json.put("Labels", network.labels());
        return json;
    }

    private Map<String, Object> containers(Network network) {
        Map<String, Object> containers = new LinkedHashMap<>();
        int prefix = network.bridge().map(b -> b.subnet().prefix()).orElse(0);
        members(network).forEach((address, id) -> layout.containers().load(id).ifPresent(container -> {
            Map<String, Object> endpoint = new LinkedHashMap<>();
            endpoint.put("Name", container.name());
            endpoint.put("MacAddress", io.minicontainer.network.MacAddress.forIpv4(address).toString());
            endpoint.put("IPv4Address", address + "/" + prefix);
            endpoint.put("IPv6Address", "");
            containers.put(id, endpoint);
        }));
        return containers;
    }

    /** {@code network rm}: refused while a container runs on it, as docker's "has active endpoints". */
    public void remove(Network network) {
        if (Network.predefined(network.name())) {
            throw new NetworkException(network.name() + " is a pre-defined network and cannot be removed");
        }
        if (!members(network).isEmpty()) {
            throw new NetworkException("error while removing network: network " + network.name() + " id "
                    + network.id() + " has active endpoints");
        }
        networks.networking().bridge(network).remove();
        networks.networking().store().remove(network);
    }

    /** {@code network prune}: every user network no running container is on; their names. */
    public List<String> prune() {
        List<String> removed = new ArrayList<>();
        for (Network network : list()) {
            if (!Network.predefined(network.name()) && members(network).isEmpty()) {
                remove(network);
                removed.add(network.name());
            }
        }
        return removed;
    }

    public void connect(String networkRef, String containerRef, Optional<Ipv4Address> ip) {
        Network network = find(networkRef);
        Container container = layout.containers().find(containerRef);
        new NetworkConnections(layout, networks).connect(network, container, ip);
    }

    public void disconnect(String networkRef, String containerRef) {
        Network network = find(networkRef);
        Container container = layout.containers().find(containerRef);
        new NetworkConnections(layout, networks).disconnect(network, container);
    }
}
