package io.minicontainer.network;

import java.util.Optional;

/**
 * What the default network {@code bridge} runs with: its device ({@code minicontainer0}) and a fixed subnet,
 * or none to choose one clear of the host's routes once and keep it.
 */
public record DefaultBridgeSettings(String device, Optional<Subnet> subnet) {
    public static final String DEVICE = "minicontainer0";

    /** Whether a recorded default network still is what these settings ask for. */
    boolean matches(Network recorded) {
        return recorded.bridge().map(b -> b.device().equals(device) && subnet.map(b.subnet()::equals).orElse(true))
                .orElse(false);
    }
}
