package io.minicontainer.engine;

import io.minicontainer.engine.NetworkSettings.Endpoint;
import io.minicontainer.network.BridgeNetwork;
import io.minicontainer.network.BridgeNetwork.Attachment;
import io.minicontainer.network.Ipv4Address;
import io.minicontainer.network.Network;
import io.minicontainer.network.NetworkException;
import io.minicontainer.state.Container;
import io.minicontainer.state.ContainerStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code network connect} and {@code disconnect}: a running container gets (or loses) a veth at once, a
 * stopped one on its next start; either way its record says which networks it is on, in order.
 */
final class NetworkConnections {
    private final ContainerLayout layout;
    private final ContainerNetworks networks;

    NetworkConnections(ContainerLayout layout, ContainerNetworks networks) {
        this.layout = layout;
        this.networks = networks;
    }

    @SuppressWarnings("try") // the lock is held, not used
    void connect(Network network, Container found, Optional<Ipv4Address> ip) {
        ContainerStore containers = layout.containers();
        try (ContainerStore.Lock lock = containers.lock(found.id())) {
            Container container = containers.load(found.id()).orElse(found);
            List<Endpoint> endpoints = new ArrayList<>(NetworkSettings.endpoints(container.record()));
            requireBridged(container, network);
            if (endpoints.stream().anyMatch(e -> e.network().equals(network.name()))) {
                throw new NetworkException("endpoint with name " + container.name() + " already exists in network "
                        + network.name());
            }
            if (ip.isPresent() && network.name().equals(Network.DEFAULT)) {
                throw new NetworkException("user specified IP address is supported on user defined networks only");
            }
            Endpoint endpoint = new Endpoint(network.name(), ip);
            Optional<Attachment> attachment = Optional.empty();
            if (container.running()) {
                String ifname = BridgeNetwork.freeInterfaceName(layout.netns(container.id()));
                attachment = Optional.of(networks.networking().bridge(network).attach(container.id(),
                        layout.netns(container.id()), new BridgeNetwork.Endpoint(ifname, ip, ifname.equals("eth0"))));
            }
            containers.writeRecord(NetworkSettings.connected(container.record(), endpoint, attachment,
                    container.id().substring(0, 12), container.name()));
            if (container.running()) {
                networks.announce(container.id(), container.name(), List.of(network));
            }
        }
    }

    @SuppressWarnings("try") // the lock is held, not used
    void disconnect(Network network, Container found) {
        ContainerStore containers = layout.containers();
        try (ContainerStore.Lock lock = containers.lock(found.id())) {
            Container container = containers.load(found.id()).orElse(found);
            List<Endpoint> endpoints = new ArrayList<>(NetworkSettings.endpoints(container.record()));
            if (!endpoints.removeIf(e -> e.network().equals(network.name()))) {
                throw new NetworkException("container " + container.id() + " is not connected to network "
                        + network.name());
            }
            networks.networking().bridge(network).detach(container.id());
            containers.writeRecord(NetworkSettings.disconnected(container.record(), network.name()));
            if (container.running()) {
                networks.hosts().refresh(List.of(network), Map.of(), Set.of(container.id()));
                networks.announce(container.id(), container.name(), networks.networks(endpoints));
            }
        }
    }

    private static void requireBridged(Container container, Network network) {
        String mode = container.record().networkMode();
        if (network.bridge().isEmpty() || mode.equals(Network.HOST) || mode.equals(Network.NONE)) {
            throw new NetworkException("container " + container.name() + " cannot be connected to network "
                    + network.name() + ": only containers on bridge networks connect to bridge networks");
        }
    }

}
