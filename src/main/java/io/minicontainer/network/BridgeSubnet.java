package io.minicontainer.network;

import java.util.regex.Pattern;

/** A MiniContainer network as the firewall sees it: its bridge device and the subnet behind it. */
public record BridgeSubnet(String bridge, Subnet subnet) {
    /** Linux allows 15 bytes; the characters are kept to those nft takes inside quotes without escaping. */
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9_.-]{1,15}");

    public BridgeSubnet {
        if (!DEVICE.matcher(bridge).matches()) {
            throw new IllegalArgumentException("bridge name \"" + bridge + "\" is not 1-15 of [A-Za-z0-9_.-]");
        }
    }
}
