package io.minicontainer.engine;

import io.minicontainer.network.ExclusiveFileLock;
import io.minicontainer.network.Ipv4Address;
import io.minicontainer.network.Network;
import io.minicontainer.state.Container;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Names on user-defined networks, which docker answers from an embedded DNS server: here each running
 * container's {@code /etc/hosts} lists, after its own lines, every running container it shares a user network
 * with, by name and short id. Whenever a network's members change (run, start, stop, connect, disconnect,
 * rm), the lists of its members are written again, so a container started later is found too. The file is
 * rewritten in place: the container sees it through a bind mount of that very inode. A container that
 * exits by itself stays listed until the network next changes; its address then leads nowhere.
 */
final class NetworkHosts {
    static final String MARKER = "# containers on the same networks (kept up to date by minicontainer)\n";

    private final Networking networking;
    private final ContainerLayout layout;

    NetworkHosts(Networking networking, ContainerLayout layout) {
        this.networking = networking;
        this.layout = layout;
    }

    /**
     * Rewrites the lists of everyone on {@code changed}.
     *
     * @param joining containers joining now (id to name): not running yet, but listed
     * @param leaving containers leaving now: no longer listed, their own files left alone
     */
    @SuppressWarnings("try") // the lock is held, not used
    void refresh(Collection<Network> changed, Map<String, String> joining, Set<String> leaving) {
        if (changed.stream().noneMatch(Network::resolvesNames)) {
            return;
        }
        Path lock = layout.root().resolve("networks").resolve(".hosts.lock");
        try (ExclusiveFileLock held = ExclusiveFileLock.acquire(lock)) {
            Map<String, SortedMap<Ipv4Address, String>> members = members(joining, leaving);
            Set<String> rewrite = new LinkedHashSet<>(joining.keySet());
            changed.stream().filter(Network::resolvesNames).map(Network::name).filter(members::containsKey)
                    .forEach(name -> rewrite.addAll(members.get(name).values()));
            rewrite.removeAll(leaving);
            for (String id : rewrite) {
                write(id, peers(id, members, joining));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("update /etc/hosts of containers: " + e.getMessage(), e);
        }
    }

    /** Per user network, the addresses of the containers that are on it now. */
    private Map<String, SortedMap<Ipv4Address, String>> members(Map<String, String> joining, Set<String> leaving) {
        Map<String, SortedMap<Ipv4Address, String>> members = new LinkedHashMap<>();
        for (Network network : networking.store().list()) {
            if (network.resolvesNames()) {
                SortedMap<Ipv4Address, String> present = new TreeMap<>();
                networking.bridge(network).leases().forEach((address, id) -> {
                    if (joining.containsKey(id) || !leaving.contains(id) && networking.inUse(id)) {
                        present.put(address, id);
                    }
                });
                members.put(network.name(), present);
            }
        }
        return members;
    }

    private String peers(String id, Map<String, SortedMap<Ipv4Address, String>> members, Map<String, String> joining) {
        StringBuilder lines = new StringBuilder();
        for (SortedMap<Ipv4Address, String> network : members.values()) {
            if (network.containsValue(id)) {
                network.forEach((address, peer) -> lines.append(address).append('\t').append(name(peer, joining))
                        .append(' ').append(peer, 0, 12).append('\n'));
            }
        }
        return lines.toString();
    }

    private String name(String id, Map<String, String> joining) {
        return joining.containsKey(id) ? joining.get(id)
                : layout.containers().load(id).map(Container::name).orElse(id.substring(0, 12));
    }

    /** The container's own lines stay; what follows the marker is replaced. */
    private void write(String id, String peers) throws IOException {
        Path hosts = layout.etcFile(id, "hosts");
        if (!Files.exists(hosts)) {
            return;
        }
        String text = Files.readString(hosts);
        int marker = text.indexOf(MARKER);
        String own = marker < 0 ? text : text.substring(0, marker);
        Files.writeString(hosts, peers.isEmpty() ? own : own + MARKER + peers);
    }
}
