package io.minicontainer.network;

import java.util.Locale;

/** The transport protocols a port can be published for, as docker's {@code -p PORT/PROTO}. */
public enum Protocol {
    TCP, UDP, SCTP;

    /** Lower case, as docker prints it and nft spells the header ({@code tcp dport}). */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive, as docker; the message is docker's. */
    public static Protocol parse(String text) {
        for (Protocol protocol : values()) {
            if (protocol.keyword().equals(text.toLowerCase(Locale.ROOT))) {
                return protocol;
            }
        }
        throw new NetworkException("invalid proto: " + text);
    }
}
