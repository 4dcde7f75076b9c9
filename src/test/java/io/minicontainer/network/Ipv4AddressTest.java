package io.minicontainer.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Ipv4AddressTest {
    @Test
    void parsesAndFormatsDottedQuads() {
        Ipv4Address address = Ipv4Address.parse("172.17.0.2");

        assertThat(address.bits()).isEqualTo(0xac110002);
        assertThat(address).hasToString("172.17.0.2");
        assertThat(Ipv4Address.parse("255.255.255.255").value()).isEqualTo(0xffffffffL);
        assertThat(Ipv4Address.parse("0.0.0.0")).isEqualTo(Ipv4Address.ANY);
        assertThat(Ipv4Address.ANY.isAny()).isTrue();
    }

    @Test
    void refusesAnythingButAStrictDottedQuad() {
        for (String bad : new String[] {"", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1.2.3.-4", "1..3.4", "a.b.c.d",
            "1.2.3.4 ", "1234.1.1.1", "::1"}) {
            assertThat(Ipv4Address.tryParse(bad)).as(bad).isEmpty();
        }
        assertThatThrownBy(() -> Ipv4Address.parse("10.0.0.300")).isInstanceOf(NetworkException.class)
                .hasMessage("invalid IPv4 address: 10.0.0.300");
    }

    @Test
    void ordersByValueAsUnsigned() {
        assertThat(Ipv4Address.parse("200.0.0.1")).isGreaterThan(Ipv4Address.parse("100.0.0.1"));
        assertThat(Ipv4Address.parse("10.0.0.10")).isGreaterThan(Ipv4Address.parse("10.0.0.9"));
    }

    @Test
    void stepsAcrossOctets() {
        assertThat(Ipv4Address.parse("10.0.0.255").plus(1)).hasToString("10.0.1.0");
        assertThat(Ipv4Address.parse("10.0.1.0").plus(-1)).hasToString("10.0.0.255");
        assertThat(Ipv4Address.parse("1.2.3.4").octets()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void macAddressIsDockersPrefixThenTheAddress() {
        assertThat(MacAddress.forIpv4(Ipv4Address.parse("172.17.0.2"))).hasToString("02:42:ac:11:00:02");
        assertThat(MacAddress.forIpv4(Ipv4Address.parse("192.168.255.254"))).hasToString("02:42:c0:a8:ff:fe");
        assertThat(MacAddress.forIpv4(Ipv4Address.parse("10.0.0.1")).bytes())
                .containsExactly(0x02, 0x42, 0x0a, 0x00, 0x00, 0x01);
    }
}
