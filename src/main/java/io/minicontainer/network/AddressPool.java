package io.minicontainer.network;

import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A range that network subnets are carved from, as docker's {@code default-address-pools}: {@code base}
 * split into consecutive subnets of prefix length {@code size}.
 */
public record AddressPool(Subnet base, int size) {
    /** docker's built-in pools: 172.17.0.0/16 to 172.31.0.0/16, then 192.168.0.0/20 to 192.168.240.0/20. */
    public static final List<AddressPool> DOCKER_DEFAULTS = List.of(
            new AddressPool(Subnet.parse("172.17.0.0/16"), 16),
            new AddressPool(Subnet.parse("172.18.0.0/16"), 16),
            new AddressPool(Subnet.parse("172.19.0.0/16"), 16),
            new AddressPool(Subnet.parse("172.20.0.0/14"), 16),
            new AddressPool(Subnet.parse("172.24.0.0/14"), 16),
            new AddressPool(Subnet.parse("172.28.0.0/14"), 16),
            new AddressPool(Subnet.parse("192.168.0.0/16"), 20));

    public AddressPool {
        if (size < base.prefix() || size > 30) {
            throw new NetworkException("invalid address pool " + base + " size " + size
                    + ": size must be between the base's prefix length and 30");
        }
    }

    /** docker's daemon option syntax, {@code base=10.10.0.0/16,size=24}. */
    public static AddressPool parse(String spec) {
        String base = null;
        String size = null;
        for (String field : spec.split(",", -1)) {
            String[] pair = field.split("=", 2);
            switch (pair.length == 2 ? pair[0].trim() : "") {
                case "base" -> base = pair[1].trim();
                case "size" -> size = pair[1].trim();
                default -> throw new NetworkException("invalid address pool \"" + spec + "\": expected base=CIDR,size=PREFIX");
            }
        }
        if (base == null || size == null || !size.matches("[0-9]{1,2}")) {
            throw new NetworkException("invalid address pool \"" + spec + "\": expected base=CIDR,size=PREFIX");
        }
        return new AddressPool(Subnet.parse(base), Integer.parseInt(size));
    }

    /** The subnets in order, lowest first. */
    public Stream<Subnet> subnets() {
        long step = 1L << (32 - size);
        return LongStream.range(0, 1L << (size - base.prefix()))
                .mapToObj(i -> new Subnet(base.network().plus(i * step), size));
    }
}
