package io.minicontainer.image.registry;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Where a registry's API lives. https, except (as docker allows) plain http for loopback registries
 * and for the ones the user declared insecure.
 *
 * @param registry  the name in image references: {@code docker.io}, {@code 127.0.0.1:5000}
 * @param authority the host (and port) to connect to: Docker Hub's API is at {@code registry-1.docker.io}
 */
record RegistryEndpoint(String registry, String scheme, String authority) {

    static RegistryEndpoint of(String registry, Set<String> insecureRegistries) {
        String authority = registry.equals("docker.io") ? "registry-1.docker.io" : registry;
        boolean plainHttp = isLoopback(authority) || isListed(registry, insecureRegistries);
        return new RegistryEndpoint(registry, plainHttp ? "http" : "https", authority);
    }

    URI uri(String path) {
        return URI.create(scheme + "://" + authority + path);
    }

    /** localhost, 127.0.0.0/8 and ::1, with any port; only literals, so no name lookup happens here. */
    static boolean isLoopback(String authority) {
        String host = hostOf(authority);
        if (host.equals("localhost")) {
            return true;
        }
        try {
            return InetAddress.ofLiteral(host).isLoopbackAddress();
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    /** An entry names the registry exactly ({@code host:5000}) or, without a port, the host on any port. */
    private static boolean isListed(String registry, Set<String> insecureRegistries) {
        String name = registry.toLowerCase(Locale.ROOT);
        for (String entry : insecureRegistries) {
            String listed = entry.toLowerCase(Locale.ROOT);
            if (listed.equals(name) || listed.equals(hostOf(name))) {
                return true;
            }
        }
        return false;
    }

    /** {@code host} from {@code host}, {@code host:port}, {@code [::1]:port}, lower case, brackets dropped. */
    static String hostOf(String authority) {
        String lower = authority.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[")) {
            int close = lower.indexOf(']');
            return close < 0 ? lower : lower.substring(1, close);
        }
        int colon = lower.lastIndexOf(':');
        return colon < 0 ? lower : lower.substring(0, colon);
    }
}
