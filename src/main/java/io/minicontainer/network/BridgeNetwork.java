package io.minicontainer.network;

import io.minicontainer.sys.NetNamespace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One bridge network, the default one or a user's: a bridge with the gateway address, masquerade for its
 * subnet, and per container a veth pair whose inner end becomes eth0 (eth1... for further networks) with a
 * leased address, a MAC derived from it, and on the first network the default route. Nothing here runs
 * {@code ip}: links go through rtnetlink.
 */
public final class BridgeNetwork {
    /** What a container got on the network. */
    public record Attachment(String network, String networkId, String bridge, Ipv4Address address, Ipv4Address gateway,
            int prefix, MacAddress mac, String hostVeth) {}

    /** Where it goes in the container: eth0, eth1...; a fixed address ({@code --ip}); whether it is the way out. */
    public record Endpoint(String ifname, Optional<Ipv4Address> address, boolean defaultRoute) {}

    private final Network network;
    private final Network.Bridge bridge;
    private final Path stateDir;
    private final String nftTable;
    private final Predicate<String> running;

    /**
     * @param stateDir ROOT/networks/NAME: the leases
     * @param nftTable the nftables table MiniContainer owns
     * @param running  whether a container still runs: the leases of the others are free again
     */
    public BridgeNetwork(Network network, Path stateDir, String nftTable, Predicate<String> running) {
        this.network = network;
        this.bridge = network.requireBridge();
        this.stateDir = stateDir;
        this.nftTable = nftTable;
        this.running = running;
    }

    /** Connects the network namespace at {@code netns} to the bridge; undoes itself on failure. */
    public Attachment attach(String containerId, Path netns, Endpoint endpoint) {
        // the firewall is made ready while the links are: nft runs meanwhile, its transaction needs no link
        Nft.Pending firewall = new Nft().start(new NftRules(nftTable).ensureNetwork(bridge.firewall()));
        try {
            Attachment attachment = attachLinks(containerId, netns, endpoint);
            firewall.await();
            return attachment;
        } catch (RuntimeException e) {
            try {
                firewall.await();
            } catch (NetworkException also) {
                e.addSuppressed(also);
            }
            detach(containerId);
            throw e;
        }
    }

    private Attachment attachLinks(String containerId, Path netns, Endpoint endpoint) {
        Ipam ipam = ipam();
        prepareHost();
        reclaimLeases(ipam, containerId);
        Ipv4Address address = endpoint.address().map(wanted -> ipam.allocate(containerId, wanted))
                .orElseGet(() -> ipam.allocate(containerId));
        String host = vethName("mc", containerId);
        String peer = vethName("mp", containerId);
        Attachment attachment = new Attachment(network.name(), network.id(), bridge.device(), address, bridge.gateway(),
                bridge.subnet().prefix(), MacAddress.forIpv4(address), host);
        try (Rtnetlink rt = Rtnetlink.open(); NetNamespace namespace = NetNamespace.open(netns)) {
            rt.createVeth(host, peer);
            rt.setMaster(host, bridge.device());
            rt.setUp(host, true);
            rt.moveToNamespace(peer, namespace);
            Rtnetlink.inside(namespace, inside -> configureInside(inside, peer, endpoint, attachment));
            return attachment;
        } catch (RuntimeException e) {
            detach(containerId);
            throw e;
        }
    }

    /** The first of eth0, eth1... that the namespace at {@code netns} does not have yet. */
    public static String freeInterfaceName(Path netns) {
        try (NetNamespace namespace = NetNamespace.open(netns)) {
            java.util.Set<String> taken = Rtnetlink.inside(namespace, rt -> rt.links().stream().map(Link::name)
                    .collect(java.util.stream.Collectors.toSet()));
            int index = 0;
            while (taken.contains("eth" + index)) {
                index++;
            }
            return "eth" + index;
        }
    }

    /** Unique per container and network, and within the 15 characters of a device name. */
    private String vethName(String prefix, String containerId) {
        return prefix + containerId.substring(0, 9) + network.id().substring(0, 4);
    }

    private static Void configureInside(Rtnetlink inside, String peer, Endpoint endpoint, Attachment attachment) {
        String name = endpoint.ifname();
        inside.rename(peer, name);
        inside.setMac(name, attachment.mac());
        inside.addAddress(name, inet(attachment.address()), attachment.prefix());
        inside.setUp(name, true);
        inside.setUp("lo", true);
        if (endpoint.defaultRoute()) {
            inside.addDefaultRoute(inet(attachment.gateway()));
            unprivilegedPingAndPorts();
        }
        return null;
    }

    /**
     * docker's defaults in a container's network namespace: any user may ping and bind ports below 1024.
     * They matter most with --userns=auto, whose root has no capabilities over this namespace. Written from
     * the thread inside it: /proc/sys/net is the namespace of whoever opens it.
     */
    private static void unprivilegedPingAndPorts() {
        writeSysctl(Path.of("/proc/sys/net/ipv4/ping_group_range"), "0\t2147483647");
        writeSysctl(Path.of("/proc/sys/net/ipv4/ip_unprivileged_port_start"), "0");
    }

    /**
     * Takes the container off the network: its address, and its host-side veth (with it the container's end),
     * which is there while the container runs or when a crash left it; fine if neither exists.
     */
    public void detach(String containerId) {
        ipam().releaseAll(containerId);
        try (Rtnetlink rt = Rtnetlink.open()) {
            String host = vethName("mc", containerId);
            if (rt.find(host).isPresent()) {
                rt.deleteLink(host);
            }
        }
    }

    /** Frees the addresses of containers that no longer run; for prune. */
    public void releaseStaleLeases() {
        reclaimLeases(ipam(), "");
    }

    /** The file that is the container's lease of {@code address}; its monitor removes it at exit. */
    public Path leaseFile(String containerId, Ipv4Address address) {
        return ipam().leaseFile(address, containerId);
    }

    /** Address to container id: who is on the network (some may have stopped since). */
    public java.util.SortedMap<Ipv4Address, String> leases() {
        return ipam().leases();
    }

    /** {@code network rm}: the bridge and the network's elements in the firewall; fine if they are gone. */
    public void remove() {
        try (Rtnetlink rt = Rtnetlink.open()) {
            if (rt.find(bridge.device()).isPresent()) {
                rt.deleteLink(bridge.device());
            }
        }
        Nft nft = new Nft();
        if (nft.run("list", "tables").contains("ip " + nftTable + "\n")) {
            nft.apply(new NftRules(nftTable).removeNetwork(bridge.firewall()));
        }
    }

    private Ipam ipam() {
        return new Ipam(stateDir, network.name(), bridge.subnet(), bridge.gateway());
    }

    /** A lease whose container no longer runs (it exited, was killed, or the host rebooted) is free. */
    private void reclaimLeases(Ipam ipam, String containerId) {
        ipam.leases().forEach((address, holder) -> {
            if (!holder.equals(containerId) && !running.test(holder)) {
                ipam.release(address);
            }
        });
    }

    /** The bridge with its gateway address, and forwarding: made once, kept. */
    @SuppressWarnings("try") // held, not used
    private void prepareHost() {
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("create " + stateDir + ": " + e.getMessage(), e);
        }
        try (ExclusiveFileLock held = ExclusiveFileLock.acquire(stateDir.resolve("host.lock"))) {
            prepareHostLocked();
        } catch (IOException e) {
            throw new UncheckedIOException("lock network " + network.name() + ": " + e.getMessage(), e);
        }
    }

    private void prepareHostLocked() {
        try (Rtnetlink rt = Rtnetlink.open()) {
            if (rt.find(bridge.device()).isEmpty()) {
                rt.createBridge(bridge.device());
                rt.addAddress(bridge.device(), inet(bridge.gateway()), bridge.subnet().prefix());
            }
            rt.setUp(bridge.device(), true);
        }
        writeSysctl(Path.of("/proc/sys/net/ipv4/ip_forward"), "1");
    }

    private static void writeSysctl(Path file, String value) {
        try {
            if (!Files.readString(file).strip().equals(value)) {
                Files.writeString(file, value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Inet4Address inet(Ipv4Address address) {
        try {
            return (Inet4Address) InetAddress.getByAddress(address.octets());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address.toString(), e);
        }
    }
}
