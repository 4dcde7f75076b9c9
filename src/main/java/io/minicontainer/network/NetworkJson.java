package io.minicontainer.network;

import io.minicontainer.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Reads {@code network.json}, as {@link Network#toJson} writes it. */
final class NetworkJson {
    private NetworkJson() {}

    static Network parse(JsonObject json) {
        Optional<Network.Bridge> bridge = json.has("Bridge")
                ? Optional.of(new Network.Bridge(json.string("Bridge"), Subnet.parse(json.string("Subnet")),
                        Ipv4Address.parse(json.string("Gateway"))))
                : Optional.empty();
        Map<String, String> labels = json.has("Labels") ? json.stringMap("Labels") : Map.of();
        return new Network(json.string("Name"), json.string("Id"), json.string("Driver"),
                Instant.parse(json.string("Created")), bridge, labels);
    }
}
