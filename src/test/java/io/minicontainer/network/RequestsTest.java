package io.minicontainer.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Each request against the bytes iproute2 6.1 sent for the same command on kernel 6.18 (x86_64,
 * little-endian), captured in a throwaway namespace with
 * {@code unshare --net strace -e trace=sendmsg -e write=3 ip ...}. The captures' sequence number
 * (bytes 8-11) is written as 00 00 00 00 here: the socket fills it in when it sends.
 */
class RequestsTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    @Test
    void createBridgeIsIpLinkAddTypeBridge() {
        // ip link add mctx0 type bridge
        assertThat(hex(Requests.createBridge("mctx0"))).isEqualTo(
                "3c 00 00 00 10 00 05 06 00 00 00 00 00 00 00 00 "
                + "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
                + "0a 00 03 00 6d 63 74 78 30 00 00 00 10 00 12 00 "
                + "0a 00 01 00 62 72 69 64 67 65 00 00");
    }

    @Test
    void createVethCarriesThePeerAsAnIfinfomsgWithItsName() {
        // ip link add mcv0 type veth peer name mcv1
        assertThat(hex(Requests.createVeth("mcv0", "mcv1"))).isEqualTo(
                "5c 00 00 00 10 00 05 06 00 00 00 00 00 00 00 00 "
                + "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
                + "09 00 03 00 6d 63 76 30 00 00 00 00 30 00 12 00 "
                + "08 00 01 00 76 65 74 68 24 00 02 00 20 00 01 00 "
                + "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
                + "09 00 03 00 6d 63 76 31 00 00 00 00");
    }

    @Test
    void setMasterIsIflaMasterOnTheLinksIndex() {
        // ip link set mcv0 master mctx0 (mcv0 had index 4, mctx0 index 2)
        assertThat(hex(Requests.setMaster(4, 2))).isEqualTo(
                "28 00 00 00 10 00 05 00 00 00 00 00 00 00 00 00 "
                + "00 00 00 00 04 00 00 00 00 00 00 00 00 00 00 00 "
                + "08 00 0a 00 02 00 00 00");
    }

    @Test
    void upAndDownChangeOnlyIffUp() {
        // ip link set mctx0 up / down (index 2)
        assertThat(hex(Requests.setUp(2, true))).isEqualTo(
                "20 00 00 00 10 00 05 00 00 00 00 00 00 00 00 00 "
                + "00 00 00 00 02 00 00 00 01 00 00 00 01 00 00 00");
        assertThat(hex(Requests.setUp(2, false))).isEqualTo(
                "20 00 00 00 10 00 05 00 00 00 00 00 00 00 00 00 "
                + "00 00 00 00 02 00 00 00 00 00 00 00 01 00 00 00");
    }

    @Test
    void mtuMacAndName() {
        // ip link set mcv0 mtu 1400
        assertThat(hex(Requests.setMtu(4, 1400))).isEqualTo(
                "28 00 00 00 10 00 05 00 00 00 00 00 00 00 00 00 "
                + "00 00 00 00 04 00 00 00 00 00 00 00 00 00 00 00 "
                + "08 00 04 00 78 05 00 00");
        // ip link set mcv0 address 02:42:0a:fb:07:02
        assertThat(hex(Requests.setMac(4, new MacAddress("02:42:0A:FB:07:02")))).isEqualTo(
                "2c 00 00 00 10 00 05 00 00 00 00 00 00 00 00 00 "
                + "00 00 00 00 04 00 00 00 00 00 00 00 00 00 00 00 "
                + "0a 00 01 00 02 42 0a fb 07 02 00 00");
        // ip link set mcv1 name eth0 (index 3)
        assertThat(hex(Requests.rename(3, "eth0"))).isEqualTo(
                "2c 00 00 00 10 00 05 00 00 00 00 00 00 00 00 00 "
                + "00 00 00 00 03 00 00 00 00 00 00 00 00 00 00 00 "
                + "09 00 03 00 65 74 68 30 00 00 00 00");
    }

    @Test
    void moveToNamespaceNamesTheNamespaceByFd() {
        // ip link set mcv1 netns 11772 sent IFLA_NET_NS_PID (0x13): "08 00 13 00 fc 2d 00 00" after the
        // same header and ifinfomsg; ip sends IFLA_NET_NS_FD (0x1c) when given a namespace name, as here
        assertThat(hex(Requests.moveToNamespace(2, 7))).isEqualTo(
                "28 00 00 00 10 00 05 00 00 00 00 00 00 00 00 00 "
                + "00 00 00 00 02 00 00 00 00 00 00 00 00 00 00 00 "
                + "08 00 1c 00 07 00 00 00");
    }

    @Test
    void deleteAndLookUp() {
        // ip link del mcv0 (index 3)
        assertThat(hex(Requests.deleteLink(3))).isEqualTo(
                "20 00 00 00 11 00 05 00 00 00 00 00 00 00 00 00 "
                + "00 00 00 00 03 00 00 00 00 00 00 00 00 00 00 00");
        // ip link show dev mcv0 asks RTM_GETLINK by IFLA_IFNAME (it adds IFLA_EXT_MASK, and no ACK)
        assertThat(hex(Requests.getLink("mcv0"))).isEqualTo(
                "2c 00 00 00 12 00 05 00 00 00 00 00 00 00 00 00 "
                + "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
                + "09 00 03 00 6d 63 76 30 00 00 00 00");
        // ip -o link show: NLM_F_REQUEST|NLM_F_DUMP (0x301); ip's family is AF_PACKET plus IFLA_EXT_MASK
        assertThat(hex(Requests.dumpLinks())).isEqualTo(
                "20 00 00 00 12 00 01 03 00 00 00 00 00 00 00 00 "
                + "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00");
    }

    @Test
    void addAddressSendsLocalAddressAndBroadcast() throws Exception {
        // ip addr add 10.251.7.1/24 brd + dev mctx0 (index 2)
        assertThat(hex(Requests.addAddress(2, ipv4("10.251.7.1"), 24))).isEqualTo(
                "30 00 00 00 14 00 05 06 00 00 00 00 00 00 00 00 "
                + "02 18 00 00 02 00 00 00 08 00 02 00 0a fb 07 01 "
                + "08 00 01 00 0a fb 07 01 08 00 04 00 0a fb 07 ff");
    }

    @Test
    void pointToPointPrefixesHaveNoBroadcast() throws Exception {
        assertThat(Requests.addAddress(2, ipv4("10.251.7.1"), 31)).hasSize(40);
        assertThat(Requests.broadcast(ipv4("10.251.0.9"), 20)).containsExactly(10, 251, 15, 255);
        assertThatThrownBy(() -> Requests.addAddress(2, ipv4("10.251.7.1"), 33))
                .hasMessage("invalid IPv4 prefix length: 33");
    }

    @Test
    void defaultRouteIsAGatewayInTheMainTable() throws Exception {
        // ip route add default via 10.251.7.1
        assertThat(hex(Requests.addDefaultRoute(ipv4("10.251.7.1")))).isEqualTo(
                "24 00 00 00 18 00 05 06 00 00 00 00 00 00 00 00 "
                + "02 00 00 00 fe 03 00 01 00 00 00 00 08 00 05 00 "
                + "0a fb 07 01");
    }

    static Inet4Address ipv4(String literal) throws Exception {
        return (Inet4Address) InetAddress.getByName(literal);
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
