package io.minicontainer.network;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A network as {@code network ls} and {@code inspect} show it. The predefined {@code host} and {@code none}
 * have no bridge; {@code bridge} (the default) and the user's networks each have a bridge device and a subnet,
 * with the gateway on the bridge.
 */
public record Network(String name, String id, String driver, Instant created, Optional<Bridge> bridge,
        Map<String, String> labels) {
    public static final String DEFAULT = "bridge";
    public static final String HOST = "host";
    public static final String NONE = "none";

    /** The bridge device, the subnet behind it and the gateway's address on it. */
    public record Bridge(String device, Subnet subnet, Ipv4Address gateway) {
        public BridgeSubnet firewall() {
            return new BridgeSubnet(device, subnet);
        }
    }

    public Network {
        labels = Map.copyOf(labels);
    }

    public static boolean predefined(String name) {
        return name.equals(DEFAULT) || name.equals(HOST) || name.equals(NONE);
    }

    /** Only user-defined networks resolve their containers' names, as docker's default bridge does not. */
    public boolean resolvesNames() {
        return bridge.isPresent() && !name.equals(DEFAULT);
    }

    public String shortId() {
        return id.substring(0, 12);
    }

    public Bridge requireBridge() {
        return bridge.orElseThrow(() -> new NetworkException("network " + name + " has no bridge"));
    }

    /** The on-disk form, {@code network.json}. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Name", name);
        json.put("Id", id);
        json.put("Driver", driver);
        json.put("Created", created.toString());
        bridge.ifPresent(b -> {
            json.put("Bridge", b.device());
            json.put("Subnet", b.subnet().toString());
            json.put("Gateway", b.gateway().toString());
        });
        json.put("Labels", new LinkedHashMap<>(labels));
        return json;
    }
}
