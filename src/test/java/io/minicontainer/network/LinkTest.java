package io.minicontainer.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LinkTest {
    @Test
    void decodesTheKernelsReplyForAVethOnABridge() throws IOException {
        // 1852 bytes, as the kernel answered `ip -s link show dev mcv0` (see the resource's header)
        Link link = Link.decode(ByteBuffer.wrap(capture("rtm-newlink-mcv0.hex")));
        assertThat(link.index()).isEqualTo(4);
        assertThat(link.name()).isEqualTo("mcv0");
        assertThat(link.isUp()).isTrue();
        assertThat(link.mtu()).isEqualTo(1400);
        assertThat(link.mac()).contains(new MacAddress("02:42:0a:fb:07:02"));
        assertThat(link.kind()).isEqualTo("veth");
        assertThat(link.master()).isEqualTo(2);
        assertThat(link.peer()).isEqualTo(3);
        assertThat(link.stats()).isEqualTo(new LinkStats(176, 2, 680, 8));
    }

    @Test
    void aLinkWithoutInfoOrStatsHasNoKindAndZeroCounters() {
        byte[] message = new MessageBuilder(Netlink.RTM_NEWLINK, 0).ifinfomsg(0, 1, 0x8, 0)
                .string(Netlink.IFLA_IFNAME, "lo").u32(Netlink.IFLA_MTU, 65536).toBytes();
        Link link = Link.decode(ByteBuffer.wrap(message));
        assertThat(link).isEqualTo(new Link(1, "lo", 0x8, 65536, Optional.empty(), "", 0, 0, LinkStats.NONE));
        assertThat(link.isUp()).isFalse();
    }

    @Test
    void macAddressesForContainersFollowDocker() throws IOException {
        Inet4Address ip = (Inet4Address) InetAddress.getByName("172.17.0.2");
        assertThat(MacAddress.forIpv4(ip).text()).isEqualTo("02:42:ac:11:00:02");
        assertThat(MacAddress.of(new MacAddress("AA:bb:00:01:02:03").bytes())).hasToString("aa:bb:00:01:02:03");
    }

    static byte[] capture(String name) throws IOException {
        try (InputStream in = LinkTest.class.getResourceAsStream(name)) {
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(line -> !line.startsWith("#")).collect(Collectors.joining(" ")).replace(" ", "");
            return HexFormat.of().parseHex(hex);
        }
    }
}
