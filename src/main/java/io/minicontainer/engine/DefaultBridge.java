package io.minicontainer.engine;

import io.minicontainer.network.BridgeNetwork;
import io.minicontainer.network.NftRules;
import io.minicontainer.network.Subnet;
import io.minicontainer.state.Container;
import java.util.Map;
import java.util.Optional;

/**
 * The default bridge network: device {@code minicontainer0} and a subnet clear of the host's routes,
 * unless {@code $MINICONTAINER_BRIDGE}, {@code $MINICONTAINER_BRIDGE_SUBNET} and
 * {@code $MINICONTAINER_NFT_TABLE} say otherwise (tests use their own, side by side).
 */
public final class DefaultBridge {
    public static final String DEVICE = "minicontainer0";

    private DefaultBridge() {}

    /** Published ports go into the same table as the bridge's masquerade. */
    static PortPublisher publisher(ContainerLayout layout, Map<String, String> env) {
        return new PortPublisher(layout.containers(), env.getOrDefault("MINICONTAINER_NFT_TABLE", NftRules.DEFAULT_TABLE),
                env.getOrDefault("MINICONTAINER_BRIDGE", DEVICE));
    }

    public static BridgeNetwork of(ContainerLayout layout, Map<String, String> env) {
        String bridge = env.getOrDefault("MINICONTAINER_BRIDGE", DEVICE);
        Optional<Subnet> subnet = Optional.ofNullable(env.get("MINICONTAINER_BRIDGE_SUBNET")).map(Subnet::parse);
        String table = env.getOrDefault("MINICONTAINER_NFT_TABLE", NftRules.DEFAULT_TABLE);
        return new BridgeNetwork(new BridgeNetwork.Config(bridge, subnet, layout.root().resolve("networks").resolve(bridge),
                table), id -> layout.containers().load(id).map(Container::running).orElse(false));
    }
}
