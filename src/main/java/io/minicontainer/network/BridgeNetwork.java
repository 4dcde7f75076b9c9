package io.minicontainer.network;

import io.minicontainer.sys.NetNamespace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A bridge network as docker's default one: a bridge with the gateway address, masquerade for its
 * subnet, and per container a veth pair whose inner end becomes eth0 with a leased address, a MAC
 * derived from it, and a default route. Nothing here runs {@code ip}: links go through rtnetlink.
 */
public final class BridgeNetwork {
    private static final int VETH_ID_CHARS = 10;

    /**
     * @param bridge     the bridge device (minicontainer0, or a test's own)
     * @param subnet     a fixed subnet, or empty to choose one clear of the host's routes
     * @param stateDir   ROOT/networks/BRIDGE: the subnet chosen and the leases
     * @param nftTable   the nftables table MiniContainer owns
     */
    public record Config(String bridge, Optional<Subnet> subnet, Path stateDir, String nftTable) {}

    /** What a container got on the network. */
    public record Attachment(Ipv4Address address, Ipv4Address gateway, int prefix, MacAddress mac, String hostVeth) {}

    private final Config config;
    private final Predicate<String> running;

    /** @param running whether a container still runs: the leases of the others are free again */
    public BridgeNetwork(Config config, Predicate<String> running) {
        this.config = config;
        this.running = running;
    }

    /** Connects the network namespace at {@code netns} (new, empty) to the bridge; undoes itself on failure. */
    public Attachment attach(String containerId, Path netns) {
        Subnet subnet = subnet();
        try {
            Files.createDirectories(config.stateDir());
        } catch (IOException e) {
            throw new UncheckedIOException("create " + config.stateDir() + ": " + e.getMessage(), e);
        }
        Ipam ipam = Ipam.of(config.stateDir(), subnet);
        prepareHost(subnet, ipam.gateway());
        reclaimLeases(ipam, containerId);
        Ipv4Address address = ipam.allocate(containerId);
        String host = "mc" + containerId.substring(0, VETH_ID_CHARS);
        String peer = "mp" + containerId.substring(0, VETH_ID_CHARS);
        Attachment attachment = new Attachment(address, ipam.gateway(), subnet.prefix(), MacAddress.forIpv4(address), host);
        try (Rtnetlink rt = Rtnetlink.open(); NetNamespace namespace = NetNamespace.open(netns)) {
            rt.createVeth(host, peer);
            rt.setMaster(host, config.bridge());
            rt.setUp(host, true);
            rt.moveToNamespace(peer, namespace);
            Rtnetlink.inside(namespace, inside -> configureInside(inside, peer, attachment));
            return attachment;
        } catch (RuntimeException e) {
            detach(containerId);
            throw e;
        }
    }

    private static Void configureInside(Rtnetlink inside, String peer, Attachment attachment) {
        inside.rename(peer, "eth0");
        inside.setMac("eth0", attachment.mac());
        inside.addAddress("eth0", inet(attachment.address()), attachment.prefix());
        inside.setUp("eth0", true);
        inside.setUp("lo", true);
        inside.addDefaultRoute(inet(attachment.gateway()));
        return null;
    }

    /** Releases the container's address and its host-side veth if a crash left it; fine if neither exists. */
    public void detach(String containerId) {
        Optional<Subnet> subnet = recordedSubnet();
        if (subnet.isPresent()) {
            Ipam.of(config.stateDir(), subnet.get()).releaseAll(containerId);
        }
        try (Rtnetlink rt = Rtnetlink.open()) {
            String host = "mc" + containerId.substring(0, VETH_ID_CHARS);
            if (rt.find(host).isPresent()) {
                rt.deleteLink(host);
            }
        }
    }

    /** Frees the addresses of containers that no longer run; for prune. */
    public void releaseStaleLeases() {
        recordedSubnet().ifPresent(subnet -> reclaimLeases(Ipam.of(config.stateDir(), subnet), ""));
    }

    /** A lease whose container no longer runs (it exited, was killed, or the host rebooted) is free. */
    private void reclaimLeases(Ipam ipam, String containerId) {
        ipam.leases().forEach((address, holder) -> {
            if (!holder.equals(containerId) && !running.test(holder)) {
                ipam.release(address);
            }
        });
    }

    /** The bridge with its gateway address, forwarding, and masquerade for the subnet: made once, kept. */
    @SuppressWarnings("try") // held, not used
    private void prepareHost(Subnet subnet, Ipv4Address gateway) {
        try (ExclusiveFileLock held = ExclusiveFileLock.acquire(config.stateDir().resolve("host.lock"))) {
            prepareHostLocked(subnet, gateway);
        } catch (IOException e) {
            throw new UncheckedIOException("lock network " + config.bridge() + ": " + e.getMessage(), e);
        }
    }

    private void prepareHostLocked(Subnet subnet, Ipv4Address gateway) {
        try (Rtnetlink rt = Rtnetlink.open()) {
            if (rt.find(config.bridge()).isEmpty()) {
                rt.createBridge(config.bridge());
                rt.addAddress(config.bridge(), inet(gateway), subnet.prefix());
            }
            rt.setUp(config.bridge(), true);
        }
        writeSysctl(Path.of("/proc/sys/net/ipv4/ip_forward"), "1");
        Nft nft = new Nft();
        NftRules rules = new NftRules(config.nftTable());
        BridgeSubnet network = new BridgeSubnet(config.bridge(), subnet);
        if (!nft.run("list", "tables").contains("ip " + config.nftTable() + "\n")) {
            nft.apply(rules.replaceTable(List.of(network), List.of()));
        } else {
            nft.apply(rules.addNetwork(network));
        }
    }

    /** The subnet: given, else the one chosen before (kept in the state directory), else a new free one. */
    public Subnet subnet() {
        if (config.subnet().isPresent()) {
            return config.subnet().get();
        }
        return recordedSubnet().orElseGet(() -> {
            Subnet chosen = SubnetChooser.choose(AddressPool.DOCKER_DEFAULTS,
                    SubnetChooser.routedSubnets(HostRoutes.read(), Set.of(config.bridge())));
            try {
                Files.createDirectories(config.stateDir());
                Files.writeString(config.stateDir().resolve("subnet"), chosen + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException("record subnet of " + config.bridge() + ": " + e.getMessage(), e);
            }
            return chosen;
        });
    }

    private Optional<Subnet> recordedSubnet() {
        if (config.subnet().isPresent()) {
            return config.subnet();
        }
        try {
            return Optional.of(Subnet.parse(Files.readString(config.stateDir().resolve("subnet")).strip()));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("read subnet of " + config.bridge() + ": " + e.getMessage(), e);
        }
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
