package io.minicontainer.network;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Picks the subnet of a network created without {@code --subnet}: the first candidate nobody uses. */
public final class SubnetChooser {
    private SubnetChooser() {}

    /**
     * The first subnet of {@code pools}, in order, that overlaps none of {@code taken}.
     *
     * @param taken subnets of other networks and of the host's routes ({@link #routedSubnets})
     */
    public static Subnet choose(List<AddressPool> pools, Collection<Subnet> taken) {
        return pools.stream()
                .flatMap(AddressPool::subnets)
                .filter(candidate -> taken.stream().noneMatch(candidate::overlaps))
                .findFirst()
                .orElseThrow(() -> new NetworkException(
                        "could not find an available, non-overlapping IPv4 address pool among the defaults to assign"
                                + " to the network"));
    }

    /**
     * The networks the host's routes lead to, without the default route and without routes through
     * {@code ownDevices} (our own bridges: their subnets are accounted for as networks already, and the
     * default network must find its own subnet again after a restart).
     */
    public static List<Subnet> routedSubnets(List<HostRoutes.Route> routes, Set<String> ownDevices) {
        return routes.stream()
                .filter(route -> !route.isDefault() && !ownDevices.contains(route.device()))
                .map(HostRoutes.Route::destination)
                .distinct()
                .toList();
    }
}
