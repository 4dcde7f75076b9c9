package io.minicontainer.network;

import java.nio.file.Path;

/** A separate JVM for {@link IpamConcurrencyTest}: allocates for {@code COUNT} containers, prints each address. */
public final class IpamWorker {
    private IpamWorker() {}

    /** Arguments: network directory, subnet, container id prefix, count. */
    public static void main(String[] args) {
        Ipam ipam = Ipam.of(Path.of(args[0]), Subnet.parse(args[1]));
        for (int i = 0; i < Integer.parseInt(args[3]); i++) {
            System.out.println(ipam.allocate(args[2] + "-" + i));
        }
    }
}
