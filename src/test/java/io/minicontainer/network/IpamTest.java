package io.minicontainer.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpamTest {
    @TempDir
    Path root;

    private Ipam ipam(String cidr) {
        return Ipam.of(root.resolve("networks/web"), Subnet.parse(cidr));
    }

    private static Ipv4Address ip(String text) {
        return Ipv4Address.parse(text);
    }

    @Test
    void handsOutTheLowestFreeAddressAfterTheGateway() {
        Ipam ipam = ipam("172.20.0.0/16");

        assertThat(ipam.gateway()).hasToString("172.20.0.1");
        assertThat(ipam.allocate("a")).hasToString("172.20.0.2");
        assertThat(ipam.allocate("b")).hasToString("172.20.0.3");
        assertThat(ipam.release(ip("172.20.0.2"))).isTrue();
        assertThat(ipam.allocate("c")).hasToString("172.20.0.2");
        assertThat(ipam.allocate("d")).hasToString("172.20.0.4");
    }

    @Test
    void skipsAGatewayThatIsNotTheFirstHost() {
        Ipam ipam = new Ipam(root.resolve("n"), "n", Subnet.parse("10.1.0.0/24"), ip("10.1.0.2"));

        assertThat(ipam.allocate("a")).hasToString("10.1.0.1");
        assertThat(ipam.allocate("b")).hasToString("10.1.0.3");
    }

    @Test
    void aContainerKeepsTheAddressItHolds() {
        Ipam ipam = ipam("172.20.0.0/16");

        Ipv4Address first = ipam.allocate("a");
        assertThat(ipam.allocate("a")).isEqualTo(first);
        assertThat(ipam.allocate("a", first)).isEqualTo(first);
        assertThat(ipam.addressOf("a")).contains(first);
        assertThat(ipam.addressOf("b")).isEmpty();
        assertThatThrownBy(() -> ipam.allocate("a", ip("172.20.9.9"))).isInstanceOf(NetworkException.class)
                .hasMessage("container a already has address 172.20.0.2 on network web");
    }

    @Test
    void givesARequestedAddress() {
        Ipam ipam = ipam("172.20.0.0/16");

        assertThat(ipam.allocate("a", ip("172.20.5.5"))).hasToString("172.20.5.5");
        assertThat(ipam.allocate("b")).hasToString("172.20.0.2");
        assertThat(ipam.leases()).containsExactly(Map.entry(ip("172.20.0.2"), "b"), Map.entry(ip("172.20.5.5"), "a"));
    }

    @Test
    void refusesRequestsAsDockerDoes() {
        Ipam ipam = ipam("172.20.0.0/24");
        ipam.allocate("a", ip("172.20.0.7"));

        assertThatThrownBy(() -> ipam.allocate("b", ip("10.0.0.7"))).isInstanceOf(NetworkException.class)
                .hasMessage("no configured subnet or ip-range contain the IP address 10.0.0.7");
        for (String taken : new String[] {"172.20.0.7", "172.20.0.1", "172.20.0.0", "172.20.0.255"}) {
            assertThatThrownBy(() -> ipam.allocate("b", ip(taken))).as(taken).isInstanceOf(NetworkException.class)
                    .hasMessage("Address already in use");
        }
        assertThat(ipam.leases()).containsOnlyKeys(ip("172.20.0.7"));
    }

    @Test
    void saysWhenTheSubnetIsFull() {
        Ipam ipam = ipam("10.9.0.0/29"); // .1 gateway, .2 to .6 for containers

        for (int i = 2; i <= 6; i++) {
            assertThat(ipam.allocate("c" + i)).hasToString("10.9.0." + i);
        }
        assertThatThrownBy(() -> ipam.allocate("c7")).isInstanceOf(NetworkException.class)
                .hasMessage("no available IPv4 addresses on this network's address pools: web");
    }

    @Test
    void refusesAGatewayOutsideTheSubnetOrOnItsEdges() {
        Subnet subnet = Subnet.parse("10.0.0.0/24");
        assertThatThrownBy(() -> new Ipam(root, "n", subnet, ip("10.1.0.1"))).isInstanceOf(NetworkException.class)
                .hasMessage("invalid gateway 10.1.0.1: parent subnet 10.0.0.0/24 doesn't contain this address");
        assertThatThrownBy(() -> new Ipam(root, "n", subnet, ip("10.0.0.255"))).isInstanceOf(NetworkException.class)
                .hasMessage("invalid gateway 10.0.0.255: it is the network or broadcast address of 10.0.0.0/24");
    }

    @Test
    void releasesEverythingOfOneContainer() {
        Ipam ipam = ipam("172.20.0.0/16");
        ipam.allocate("a");
        ipam.allocate("b");

        assertThat(ipam.releaseAll("a")).containsExactly(ip("172.20.0.2"));
        assertThat(ipam.releaseAll("a")).isEmpty();
        assertThat(ipam.release(ip("172.20.0.2"))).isFalse();
        assertThat(ipam.leases()).containsExactly(Map.entry(ip("172.20.0.3"), "b"));
    }

    @Test
    void keepsEachLeaseAsAFileNamedAfterAddressAndHolder() throws IOException {
        Path dir = root.resolve("networks/web");
        Ipam ipam = ipam("172.20.0.0/16");
        ipam.allocate("a", ip("172.20.0.10"));
        ipam.allocate("b", ip("172.20.0.9"));

        try (var files = Files.list(dir.resolve("leases"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("172.20.0.10@a", "172.20.0.9@b");
        }
        assertThat(ipam.leaseFile(ip("172.20.0.9"), "b")).isEqualTo(dir.resolve("leases/172.20.0.9@b"));
        assertThat(ipam("172.20.0.0/16").leases()).containsOnlyKeys(ip("172.20.0.9"), ip("172.20.0.10"));
        Files.delete(ipam.leaseFile(ip("172.20.0.10"), "a")); // as a monitor does at exit
        assertThat(ipam.leases()).containsOnlyKeys(ip("172.20.0.9"));
        assertThat(ipam.allocate("c")).hasToString("172.20.0.2");
    }

    @Test
    void readsNoLeasesBeforeTheFirstChangeAndCreatesNothing() {
        assertThat(ipam("172.20.0.0/16").leases()).isEmpty();
        assertThat(root.resolve("networks")).doesNotExist();
    }

    @Test
    void aStrangeFileAmongTheLeasesIsAnErrorNotAnEmptyNetwork() throws IOException {
        Path dir = Files.createDirectories(root.resolve("networks/web/leases"));
        Files.writeString(dir.resolve("not-an-ip@a"), "");

        assertThatThrownBy(() -> ipam("172.20.0.0/16").allocate("b")).isInstanceOf(NetworkException.class)
                .hasMessageEndingWith("not-an-ip@a: not a lease (ADDRESS@CONTAINER)");
    }
}
