package io.minicontainer.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubnetChooserTest {
    /** A laptop's table: a default route, the LAN, a VPN on 172.17.0.0/16, and our bridge on 172.18.0.0/16. */
    private static final String ROUTES = """
            Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
            eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0
            eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
            tun0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
            minicontainer0\t000012AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
            """;

    @TempDir
    Path dir;

    @Test
    void readsRoutesFromProcNetRoute() throws IOException {
        Path file = dir.resolve("route");
        Files.writeString(file, ROUTES);

        assertThat(HostRoutes.read(file)).containsExactly(
                new HostRoutes.Route("eth0", Subnet.parse("0.0.0.0/0")),
                new HostRoutes.Route("eth0", Subnet.parse("192.0.2.0/24")),
                new HostRoutes.Route("tun0", Subnet.parse("172.17.0.0/16")),
                new HostRoutes.Route("minicontainer0", Subnet.parse("172.18.0.0/16")));
        assertThat(HostRoutes.read(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void skipsSubnetsTheHostRoutesToButNotTheDefaultRouteNorOurOwnBridges() {
        List<Subnet> taken = SubnetChooser.routedSubnets(HostRoutes.parse(ROUTES), Set.of("minicontainer0"));

        assertThat(taken).containsExactly(Subnet.parse("192.0.2.0/24"), Subnet.parse("172.17.0.0/16"));
        assertThat(SubnetChooser.choose(AddressPool.DOCKER_DEFAULTS, taken)).isEqualTo(Subnet.parse("172.18.0.0/16"));
    }

    @Test
    void firstDefaultIsDockersBridgeSubnet() {
        assertThat(SubnetChooser.choose(AddressPool.DOCKER_DEFAULTS, List.of())).isEqualTo(Subnet.parse("172.17.0.0/16"));
    }

    @Test
    void skipsEveryOverlapIncludingWiderRoutesAndOtherNetworks() {
        List<Subnet> taken = List.of(Subnet.parse("172.16.0.0/12"), Subnet.parse("192.168.0.0/24"));

        assertThat(SubnetChooser.choose(AddressPool.DOCKER_DEFAULTS, taken)).isEqualTo(Subnet.parse("192.168.16.0/20"));
    }

    @Test
    void docker31DefaultsThenNone() {
        long count = AddressPool.DOCKER_DEFAULTS.stream().mapToLong(pool -> pool.subnets().count()).sum();
        assertThat(count).isEqualTo(15 + 16);
        assertThat(AddressPool.DOCKER_DEFAULTS.getLast().subnets().toList().getLast())
                .isEqualTo(Subnet.parse("192.168.240.0/20"));

        List<Subnet> everything = List.of(Subnet.parse("172.16.0.0/12"), Subnet.parse("192.168.0.0/16"));
        assertThatThrownBy(() -> SubnetChooser.choose(AddressPool.DOCKER_DEFAULTS, everything))
                .isInstanceOf(NetworkException.class)
                .hasMessage("could not find an available, non-overlapping IPv4 address pool among the defaults to assign"
                        + " to the network");
    }

    @Test
    void poolsAreConfigurableWithDockersSyntax() {
        AddressPool pool = AddressPool.parse("base=10.10.0.0/16,size=24");

        assertThat(pool.subnets().limit(2)).containsExactly(Subnet.parse("10.10.0.0/24"), Subnet.parse("10.10.1.0/24"));
        assertThat(pool.subnets().count()).isEqualTo(256);
        assertThat(SubnetChooser.choose(List.of(pool), List.of(Subnet.parse("10.10.0.0/23"))))
                .isEqualTo(Subnet.parse("10.10.2.0/24"));
        assertThatThrownBy(() -> AddressPool.parse("10.10.0.0/16")).isInstanceOf(NetworkException.class)
                .hasMessage("invalid address pool \"10.10.0.0/16\": expected base=CIDR,size=PREFIX");
        assertThatThrownBy(() -> AddressPool.parse("base=10.10.0.0/16,size=8")).isInstanceOf(NetworkException.class)
                .hasMessage("invalid address pool 10.10.0.0/16 size 8: size must be between the base's prefix length and 30");
    }
}
