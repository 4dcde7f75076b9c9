package io.minicontainer.network;

import java.util.Optional;

/**
 * An IPv4 network in CIDR form, such as {@code 172.17.0.0/16}: its first address and prefix length.
 * The address has no host bits set, so two equal networks are equal records.
 */
public record Subnet(Ipv4Address network, int prefix) {
    public Subnet {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix length " + prefix + " is not 0-32");
        }
        if ((network.bits() & ~mask(prefix)) != 0) {
            throw new IllegalArgumentException(network + "/" + prefix + " has host bits set");
        }
    }

    /**
     * Parses {@code ADDRESS/PREFIX}. Host bits must be clear, as docker requires of {@code --subnet}:
     * {@code 172.17.0.1/16} is refused with a hint naming {@code 172.17.0.0/16}.
     */
    public static Subnet parse(String cidr) {
        int slash = cidr.indexOf('/');
        int prefix = slash < 0 ? -1 : prefixLength(cidr.substring(slash + 1));
        Optional<Ipv4Address> address = slash < 0 ? Optional.empty() : Ipv4Address.tryParse(cidr.substring(0, slash));
        if (prefix < 0 || address.isEmpty()) {
            throw new NetworkException("invalid CIDR address: " + cidr);
        }
        Subnet subnet = containing(address.get(), prefix);
        if (!subnet.network().equals(address.get())) {
            throw new NetworkException("invalid subnet " + cidr + ": it should be " + subnet);
        }
        return subnet;
    }

    /** The network of {@code prefix} bits that {@code address} belongs to. */
    public static Subnet containing(Ipv4Address address, int prefix) {
        return new Subnet(new Ipv4Address(address.bits() & mask(prefix)), prefix);
    }

    private static int prefixLength(String text) {
        if (text.isEmpty() || text.length() > 2 || !text.chars().allMatch(Character::isDigit)
                || text.length() == 2 && text.charAt(0) == '0') {
            return -1;
        }
        int prefix = Integer.parseInt(text);
        return prefix <= 32 ? prefix : -1;
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    /** The netmask as an address, e.g. {@code 255.255.0.0} for a /16. */
    public Ipv4Address netmask() {
        return new Ipv4Address(mask(prefix));
    }

    /** How many addresses, network and broadcast included. */
    public long size() {
        return 1L << (32 - prefix);
    }

    public boolean contains(Ipv4Address address) {
        return (address.bits() & mask(prefix)) == network.bits();
    }

    /** True if one contains the other (two CIDR networks either nest or are disjoint). */
    public boolean overlaps(Subnet other) {
        int shorter = Math.min(prefix, other.prefix);
        return ((network.bits() ^ other.network.bits()) & mask(shorter)) == 0;
    }

    /** The last address, all host bits set. */
    public Ipv4Address broadcast() {
        return network.plus(size() - 1);
    }

    /**
     * True for an address no host may hold: the network address and the broadcast address, except in a
     * /31 or /32 where every address is a host (RFC 3021).
     */
    public boolean isReserved(Ipv4Address address) {
        return prefix <= 30 && (address.equals(network) || address.equals(broadcast()));
    }

    /** The first address a host may hold: the usual gateway, {@code .1} of a /16 or /24. */
    public Ipv4Address firstHost() {
        return prefix <= 30 ? network.plus(1) : network;
    }

    /** The last address a host may hold. */
    public Ipv4Address lastHost() {
        return prefix <= 30 ? broadcast().plus(-1) : broadcast();
    }

    @Override
    public String toString() {
        return network + "/" + prefix;
    }
}
