package io.minicontainer.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docker's security flags as given: {@code --cap-add}, {@code --cap-drop}, {@code --privileged} and
 * {@code --security-opt}. {@link ContainerSecurity#resolve} checks them and says what they mean.
 */
public record SecurityOptions(List<String> capAdd, List<String> capDrop, boolean privileged, List<String> securityOpts) {
    public static final SecurityOptions NONE = new SecurityOptions(List.of(), List.of(), false, List.of());

    public SecurityOptions {
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        securityOpts = List.copyOf(securityOpts);
    }

    /** For inspect's HostConfig, as docker shows them (null for an empty list). */
    Map<String, Object> hostConfig() {
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("CapAdd", capAdd.isEmpty() ? null : capAdd);
        host.put("CapDrop", capDrop.isEmpty() ? null : capDrop);
        host.put("Privileged", privileged);
        host.put("SecurityOpt", securityOpts.isEmpty() ? null : securityOpts);
        return host;
    }
}
