package io.minicontainer.image.registry;

import java.net.URI;
import java.util.Locale;

/** Scheme, host and port: the unit a registry's Authorization header belongs to. */
record Origin(String scheme, String host, int port) {
    static Origin of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        return new Origin(scheme, host, port);
    }
}
