package io.minicontainer.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubnetTest {
    private static Subnet subnet(String cidr) {
        return Subnet.parse(cidr);
    }

    private static Ipv4Address ip(String text) {
        return Ipv4Address.parse(text);
    }

    @Test
    void parsesAndFormatsCidr() {
        Subnet subnet = subnet("172.17.0.0/16");

        assertThat(subnet.network()).isEqualTo(ip("172.17.0.0"));
        assertThat(subnet.prefix()).isEqualTo(16);
        assertThat(subnet).hasToString("172.17.0.0/16");
        assertThat(subnet.netmask()).hasToString("255.255.0.0");
        assertThat(subnet("0.0.0.0/0").size()).isEqualTo(1L << 32);
        assertThat(subnet("10.1.2.3/32").size()).isEqualTo(1);
    }

    @Test
    void refusesMalformedCidrAsGoDoes() {
        for (String bad : new String[] {"172.17.0.0", "172.17.0.0/", "172.17.0.0/33", "172.17.0/16", "/16", "1.2.3.4/016",
            "1.2.3.4/-1", "1.2.3.4/a"}) {
            assertThatThrownBy(() -> subnet(bad)).as(bad).isInstanceOf(NetworkException.class)
                    .hasMessage("invalid CIDR address: " + bad);
        }
    }

    @Test
    void refusesHostBitsNamingTheNetworkMeant() {
        assertThatThrownBy(() -> subnet("172.17.0.1/16")).isInstanceOf(NetworkException.class)
                .hasMessage("invalid subnet 172.17.0.1/16: it should be 172.17.0.0/16");
    }

    @Test
    void containsAddressesBetweenNetworkAndBroadcast() {
        Subnet subnet = subnet("192.168.16.0/20");

        assertThat(subnet.contains(ip("192.168.16.0"))).isTrue();
        assertThat(subnet.contains(ip("192.168.31.255"))).isTrue();
        assertThat(subnet.contains(ip("192.168.32.0"))).isFalse();
        assertThat(subnet.contains(ip("192.168.15.255"))).isFalse();
        assertThat(subnet.broadcast()).hasToString("192.168.31.255");
        assertThat(subnet("0.0.0.0/0").contains(ip("255.255.255.255"))).isTrue();
    }

    @Test
    void overlapsWhenOneContainsTheOther() {
        assertThat(subnet("10.0.0.0/8").overlaps(subnet("10.20.0.0/16"))).isTrue();
        assertThat(subnet("10.20.0.0/16").overlaps(subnet("10.0.0.0/8"))).isTrue();
        assertThat(subnet("172.17.0.0/16").overlaps(subnet("172.17.0.0/16"))).isTrue();
        assertThat(subnet("172.17.0.0/16").overlaps(subnet("172.18.0.0/16"))).isFalse();
        assertThat(subnet("192.168.0.0/24").overlaps(subnet("192.168.1.0/24"))).isFalse();
        assertThat(subnet("0.0.0.0/0").overlaps(subnet("1.2.3.4/32"))).isTrue();
    }

    @Test
    void hostsExcludeNetworkAndBroadcastExceptInPointToPointSubnets() {
        Subnet subnet = subnet("10.0.0.0/24");
        assertThat(subnet.firstHost()).hasToString("10.0.0.1");
        assertThat(subnet.lastHost()).hasToString("10.0.0.254");
        assertThat(subnet.isReserved(ip("10.0.0.0"))).isTrue();
        assertThat(subnet.isReserved(ip("10.0.0.255"))).isTrue();
        assertThat(subnet.isReserved(ip("10.0.0.1"))).isFalse();

        Subnet pair = subnet("10.0.0.0/31");
        assertThat(pair.firstHost()).hasToString("10.0.0.0");
        assertThat(pair.lastHost()).hasToString("10.0.0.1");
        assertThat(pair.isReserved(ip("10.0.0.0"))).isFalse();
    }

    @Test
    void containingClearsTheHostBits() {
        assertThat(Subnet.containing(ip("172.17.5.9"), 16)).isEqualTo(subnet("172.17.0.0/16"));
        assertThat(Subnet.containing(ip("172.17.5.9"), 0)).isEqualTo(subnet("0.0.0.0/0"));
    }
}
