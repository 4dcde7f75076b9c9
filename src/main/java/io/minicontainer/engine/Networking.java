package io.minicontainer.engine;

import io.minicontainer.network.BridgeNetwork;
import io.minicontainer.network.DefaultBridgeSettings;
import io.minicontainer.network.Network;
import io.minicontainer.network.NetworkStore;
import io.minicontainer.network.NftRules;
import io.minicontainer.network.Subnet;
import io.minicontainer.state.Container;
import io.minicontainer.state.ContainerStore;
import java.util.Map;
import java.util.Optional;

/**
 * The networks as the engine uses them: the store, each network's bridge, and the nftables table they share.
 * The default bridge is {@code minicontainer0}, its subnet clear of the host's routes, and the table
 * {@code minicontainer}, unless {@code $MINICONTAINER_BRIDGE}, {@code $MINICONTAINER_BRIDGE_SUBNET} and
 * {@code $MINICONTAINER_NFT_TABLE} say otherwise (tests use their own, side by side).
 */
final class Networking {
    private final ContainerLayout layout;
    private final NetworkStore store;
    private final String nftTable;

    private Networking(ContainerLayout layout, NetworkStore store, String nftTable) {
        this.layout = layout;
        this.store = store;
        this.nftTable = nftTable;
    }

    static Networking of(ContainerLayout layout, Map<String, String> env) {
        DefaultBridgeSettings defaults = new DefaultBridgeSettings(
                env.getOrDefault("MINICONTAINER_BRIDGE", DefaultBridgeSettings.DEVICE),
                Optional.ofNullable(env.get("MINICONTAINER_BRIDGE_SUBNET")).map(Subnet::parse));
        return new Networking(layout, new NetworkStore(layout.root().resolve("networks"), defaults),
                env.getOrDefault("MINICONTAINER_NFT_TABLE", NftRules.DEFAULT_TABLE));
    }

    NetworkStore store() {
        return store;
    }

    BridgeNetwork bridge(Network network) {
        return new BridgeNetwork(network, store.dir(network), nftTable, this::inUse);
    }

    PortPublisher publisher() {
        return new PortPublisher(layout.containers(), nftTable);
    }

    /**
     * A container holds its addresses while it runs, and while another CLI holds its lock (it is being
     * created or started and its monitor has not said so yet).
     */
    boolean inUse(String id) {
        ContainerStore containers = layout.containers();
        return containers.load(id).map(Container::running).orElse(false) || containers.busy(id);
    }
}
