package io.minicontainer.network;

/**
 * The MAC address docker gives a container's interface: {@code 02:42} followed by the four bytes of its IPv4
 * address ({@code 172.17.0.2} gets {@code 02:42:ac:11:00:02}). {@code 02} marks it locally administered and
 * unicast; deriving it from the address keeps it unique on the bridge and stable across restarts.
 */
public final class MacAddress {
    private static final byte[] PREFIX = {0x02, 0x42};

    private MacAddress() {}

    /** The six bytes. */
    public static byte[] bytesFor(Ipv4Address address) {
        byte[] mac = new byte[6];
        System.arraycopy(PREFIX, 0, mac, 0, 2);
        System.arraycopy(address.octets(), 0, mac, 2, 4);
        return mac;
    }

    /** Lower-case, colon-separated, as {@code ip link} and docker inspect print it. */
    public static String of(Ipv4Address address) {
        StringBuilder text = new StringBuilder(17);
        for (byte b : bytesFor(address)) {
            if (!text.isEmpty()) {
                text.append(':');
            }
            text.append(Character.forDigit(b >> 4 & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return text.toString();
    }
}
