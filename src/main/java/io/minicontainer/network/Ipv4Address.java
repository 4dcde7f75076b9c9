package io.minicontainer.network;

import java.util.Optional;

/**
 * An IPv4 address held as its 32 bits (unsigned, network order: {@code 172.17.0.2} is {@code 0xac110002}).
 * Ordered by numeric value, so sorted addresses read as a human would sort them.
 */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {
    /** {@code 0.0.0.0}: "every address of the host" when publishing a port. */
    public static final Ipv4Address ANY = new Ipv4Address(0);

    /** Strict dotted quad: four decimal numbers 0-255, no leading zeros (which some tools read as octal). */
    public static Ipv4Address parse(String text) {
        return tryParse(text).orElseThrow(() -> new NetworkException("invalid IPv4 address: " + text));
    }

    /** The address, or empty when {@code text} is not a strict dotted quad. */
    public static Optional<Ipv4Address> tryParse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        int bits = 0;
        for (String part : parts) {
            int octet = octet(part);
            if (octet < 0) {
                return Optional.empty();
            }
            bits = bits << 8 | octet;
        }
        return Optional.of(new Ipv4Address(bits));
    }

    private static int octet(String part) {
        if (part.isEmpty() || part.length() > 3 || part.length() > 1 && part.charAt(0) == '0') {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255 ? value : -1;
    }

    /** The four bytes, most significant first. */
    public byte[] octets() {
        return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
    }

    /** The bits as a non-negative number, for arithmetic that must not wrap. */
    public long value() {
        return Integer.toUnsignedLong(bits);
    }

    /** The address {@code offset} further on; wraps around past 255.255.255.255. */
    public Ipv4Address plus(long offset) {
        return new Ipv4Address((int) (value() + offset));
    }

    public boolean isAny() {
        return bits == 0;
    }

    @Override
    public int compareTo(Ipv4Address other) {
        return Integer.compareUnsigned(bits, other.bits);
    }

    @Override
    public String toString() {
        return (bits >>> 24) + "." + (bits >>> 16 & 0xff) + "." + (bits >>> 8 & 0xff) + "." + (bits & 0xff);
    }
}
