package io.minicontainer.network;

import java.net.Inet4Address;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** An Ethernet address, in its usual text form: six lower-case hex pairs joined by colons. */
public record MacAddress(String text) {
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final HexFormat COLONS = HexFormat.ofDelimiter(":");

    public MacAddress {
        text = text.toLowerCase(Locale.ROOT);
        if (!FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("invalid MAC address: " + text);
        }
    }

    public static MacAddress of(byte[] bytes) {
        if (bytes.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 bytes, not " + bytes.length);
        }
        return new MacAddress(COLONS.formatHex(bytes));
    }

    /**
     * Docker's choice for a container on a bridge: 02:42 (locally administered, unicast) and the
     * four bytes of its IPv4 address, so the address is unique where the IP is.
     */
    public static MacAddress forIpv4(Inet4Address address) {
        return dockers(address.getAddress());
    }

    public static MacAddress forIpv4(Ipv4Address address) {
        return dockers(address.octets());
    }

    private static MacAddress dockers(byte[] ip) {
        return of(new byte[] {0x02, 0x42, ip[0], ip[1], ip[2], ip[3]});
    }

    public byte[] bytes() {
        return COLONS.parseHex(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
