package io.minicontainer.engine;

import io.minicontainer.engine.NetworkSettings.Endpoint;
import io.minicontainer.network.BridgeNetwork;
import io.minicontainer.network.BridgeNetwork.Attachment;
import io.minicontainer.network.Network;
import io.minicontainer.network.NetworkException;
import io.minicontainer.network.PublishedPort;
import io.minicontainer.state.Container;
import io.minicontainer.sys.NetNamespace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A container's place on its networks: joined at run and start (a network namespace of its own, kept by a
 * bind mount, with one veth per network: eth0, eth1...), and left at stop, rm and prune. Connecting and
 * disconnecting a running container live in {@link NetworkConnections}.
 */
final class ContainerNetworks {
    private final ContainerLayout layout;
    private final Networking networking;
    private final NetworkHosts hosts;

    ContainerNetworks(ContainerLayout layout, Map<String, String> env) {
        this.layout = layout;
        this.networking = Networking.of(layout, env);
        this.hosts = new NetworkHosts(networking, layout);
    }

    Networking networking() {
        return networking;
    }

    NetworkHosts hosts() {
        return hosts;
    }

    /**
     * What a container got: its attachments in interface order, its published ports (on the first), and the
     * files of its leases, which its monitor removes when it is gone.
     */
    record Joined(List<Network> networks, List<Attachment> attachments, List<PublishedPort> ports,
            List<String> leaseFiles) {
        static final Joined NOTHING = new Joined(List.of(), List.of(), List.of(), List.of());
    }

    /** Publishes on the first network: the given specs at run, the recorded ports again at start. */
    interface Publishing {
        List<PublishedPort> publish(PortPublisher publisher, Attachment first);
    }

    /**
     * Makes the container's namespace and joins each network in order, the first with the default route,
     * then publishes; {@code rollback} undoes it all if anything later fails.
     */
    Joined join(String id, List<Endpoint> endpoints, Publishing publishing, Rollback rollback) {
        Path netns = layout.netns(id);
        createNamespace(netns);
        rollback.undo(() -> NetNamespace.removePersistent(netns));
        List<Network> networks = new ArrayList<>();
        List<Attachment> attachments = new ArrayList<>();
        List<String> leaseFiles = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            networks.add(find(endpoint.network()));
            BridgeNetwork bridge = networking.bridge(networks.getLast());
            rollback.undo(() -> bridge.detach(id));
            Attachment attachment = bridge.attach(id, netns, new BridgeNetwork.Endpoint("eth" + attachments.size(),
                    endpoint.requested(), attachments.isEmpty()));
            attachments.add(attachment);
            leaseFiles.add(bridge.leaseFile(id, attachment.address()).toString());
        }
        if (attachments.isEmpty()) {
            return new Joined(networks, attachments, List.of(), leaseFiles);
        }
        PortPublisher publisher = networking.publisher();
        rollback.undo(() -> publisher.unpublish(layout.containerDir(id)));
        return new Joined(networks, attachments, publishing.publish(publisher, attachments.getFirst()), leaseFiles);
    }

    /** Tells the others on its user networks the container's name (it is about to run). */
    void announce(String id, String name, List<Network> networks) {
        hosts.refresh(networks, Map.of(id, name), Set.of());
    }

    /** Takes the container's name back from the others (a run that failed after {@link #announce}). */
    void withdraw(String id, List<Network> networks) {
        hosts.refresh(networks, Map.of(), Set.of(id));
    }

    /**
     * After the container stopped: its addresses are free, its name goes from the others' hosts files; its
     * namespace, veths and published ports went with its monitor.
     */
    void stopped(Container container) {
        List<Endpoint> endpoints = NetworkSettings.endpoints(container.record());
        List<Network> networks = networks(endpoints);
        networks.forEach(network -> networking.bridge(network).detach(container.id()));
        hosts.refresh(networks, Map.of(), Set.of(container.id()));
    }

    /** rm and prune: everything the container held on its networks, including what a crash left. */
    void leave(Container container) {
        Path netns = layout.netns(container.id());
        List<Endpoint> endpoints = NetworkSettings.endpoints(container.record());
        if (endpoints.isEmpty() && !Files.exists(netns)) {
            return;
        }
        networking.publisher().unpublish(container.dir());
        stopped(container);
        NetNamespace.removePersistent(netns);
    }

    /** Frees the addresses of containers that no longer run, on every network; for prune. */
    void releaseStaleLeases() {
        networking.store().list().stream().filter(n -> n.bridge().isPresent())
                .forEach(network -> networking.bridge(network).releaseStaleLeases());
    }

    /** The networks still there; one removed meanwhile has nothing left to release. */
    List<Network> networks(List<Endpoint> endpoints) {
        List<Network> networks = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            try {
                networks.add(networking.store().find(endpoint.network()));
            } catch (NetworkException removed) {
                // gone with network rm
            }
        }
        return networks;
    }

    Network find(String name) {
        Network network = networking.store().find(name);
        if (network.bridge().isEmpty()) {
            throw new NetworkException("network " + name + " cannot be joined: it is the " + name + " network");
        }
        return network;
    }

    private static void createNamespace(Path netns) {
        try {
            Files.createDirectories(netns.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("create " + netns.getParent() + ": " + e.getMessage(), e);
        }
        NetNamespace.createPersistent(netns);
    }
}
