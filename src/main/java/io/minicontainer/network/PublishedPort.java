package io.minicontainer.network;

import java.util.regex.Pattern;

/**
 * A port actually published: traffic to {@code hostIp:hostPort} ({@link Ipv4Address#ANY}: to any address of the
 * host) goes to {@code containerIp:containerPort} of container {@code containerId}.
 */
public record PublishedPort(String containerId, Protocol protocol, Ipv4Address hostIp, int hostPort,
        Ipv4Address containerIp, int containerPort) {
    /** The id tags the nft element as a comment, so it is kept to characters that need no quoting there. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public PublishedPort {
        if (!ID.matcher(containerId).matches()) {
            throw new IllegalArgumentException("container id \"" + containerId + "\" is not 1-64 of [A-Za-z0-9_.-]");
        }
        if (hostPort < 1 || hostPort > 65535 || containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("ports " + hostPort + " and " + containerPort + " must be 1-65535");
        }
    }

    /** As docker ps shows it: {@code 0.0.0.0:8080->80/tcp}. */
    public String describe() {
        return hostIp + ":" + hostPort + "->" + containerPort + "/" + protocol.keyword();
    }
}
