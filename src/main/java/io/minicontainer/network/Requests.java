package io.minicontainer.network;

import static io.minicontainer.network.Netlink.AF_INET;
import static io.minicontainer.network.Netlink.AF_UNSPEC;
import static io.minicontainer.network.Netlink.NLM_F_ACK;
import static io.minicontainer.network.Netlink.NLM_F_CREATE;
import static io.minicontainer.network.Netlink.NLM_F_DUMP;
import static io.minicontainer.network.Netlink.NLM_F_EXCL;
import static io.minicontainer.network.Netlink.NLM_F_REQUEST;

import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The rtnetlink requests, as bytes: the same messages `ip` (iproute2) sends for the same commands,
 * which the unit tests check byte for byte. Links are named by index, as `ip` does after looking
 * the name up; creating one asks for NLM_F_EXCL, so an existing link is an error (EEXIST), not
 * quietly reused.
 */
final class Requests {
    private static final int NEW = NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE;
    private static final int CHANGE = NLM_F_REQUEST | NLM_F_ACK;

    private Requests() {}

    /** ip link add NAME type bridge */
    static byte[] createBridge(String name) {
        return new MessageBuilder(Netlink.RTM_NEWLINK, NEW).ifinfomsg(AF_UNSPEC, 0, 0, 0)
                .string(Netlink.IFLA_IFNAME, name)
                .nest(Netlink.IFLA_LINKINFO).bytes(Netlink.IFLA_INFO_KIND, ascii("bridge")).end()
                .toBytes();
    }

    /** ip link add NAME type veth peer name PEER: the peer is an ifinfomsg and attributes of its own. */
    static byte[] createVeth(String name, String peer) {
        return new MessageBuilder(Netlink.RTM_NEWLINK, NEW).ifinfomsg(AF_UNSPEC, 0, 0, 0)
                .string(Netlink.IFLA_IFNAME, name)
                .nest(Netlink.IFLA_LINKINFO).bytes(Netlink.IFLA_INFO_KIND, ascii("veth"))
                .nest(Netlink.IFLA_INFO_DATA).nest(Netlink.VETH_INFO_PEER).ifinfomsg(AF_UNSPEC, 0, 0, 0)
                .string(Netlink.IFLA_IFNAME, peer).end().end().end()
                .toBytes();
    }

    /** ip link set dev INDEX master MASTER (0: nomaster) */
    static byte[] setMaster(int index, int master) {
        return change(index).u32(Netlink.IFLA_MASTER, master).toBytes();
    }

    /** ip link set dev INDEX up|down: only the IFF_UP bit changes. */
    static byte[] setUp(int index, boolean up) {
        return new MessageBuilder(Netlink.RTM_NEWLINK, CHANGE)
                .ifinfomsg(AF_UNSPEC, index, up ? Netlink.IFF_UP : 0, Netlink.IFF_UP).toBytes();
    }

    /** ip link set dev INDEX mtu MTU */
    static byte[] setMtu(int index, int mtu) {
        return change(index).u32(Netlink.IFLA_MTU, mtu).toBytes();
    }

    /** ip link set dev INDEX address MAC */
    static byte[] setMac(int index, MacAddress mac) {
        return change(index).bytes(Netlink.IFLA_ADDRESS, mac.bytes()).toBytes();
    }

    /** ip link set dev INDEX name NAME */
    static byte[] rename(int index, String name) {
        return change(index).string(Netlink.IFLA_IFNAME, name).toBytes();
    }

    /** ip link set dev INDEX netns FD: the fd of a network namespace (/proc/PID/ns/net, /run/netns/NAME). */
    static byte[] moveToNamespace(int index, int namespaceFd) {
        return change(index).u32(Netlink.IFLA_NET_NS_FD, namespaceFd).toBytes();
    }

    /** ip link del dev INDEX (a veth's peer goes with it) */
    static byte[] deleteLink(int index) {
        return new MessageBuilder(Netlink.RTM_DELLINK, CHANGE).ifinfomsg(AF_UNSPEC, index, 0, 0).toBytes();
    }

    /** ip link show dev NAME: answered by one RTM_NEWLINK, or ENODEV. */
    static byte[] getLink(String name) {
        return new MessageBuilder(Netlink.RTM_GETLINK, CHANGE).ifinfomsg(AF_UNSPEC, 0, 0, 0)
                .string(Netlink.IFLA_IFNAME, name).toBytes();
    }

    /** ip link show: one RTM_NEWLINK per link, then NLMSG_DONE. */
    static byte[] dumpLinks() {
        return new MessageBuilder(Netlink.RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP).ifinfomsg(AF_UNSPEC, 0, 0, 0)
                .toBytes();
    }

    /** ip addr add ADDRESS/PREFIX brd + dev INDEX (no broadcast address for /31 and /32, which have none). */
    static byte[] addAddress(int index, Inet4Address address, int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("invalid IPv4 prefix length: " + prefixLength);
        }
        MessageBuilder message = new MessageBuilder(Netlink.RTM_NEWADDR, NEW)
                .ifaddrmsg(AF_INET, prefixLength, Netlink.RT_SCOPE_UNIVERSE, index)
                .bytes(Netlink.IFA_LOCAL, address.getAddress())
                .bytes(Netlink.IFA_ADDRESS, address.getAddress());
        if (prefixLength < 31) {
            message.bytes(Netlink.IFA_BROADCAST, broadcast(address, prefixLength));
        }
        return message.toBytes();
    }

    /** ip route add default via GATEWAY: in the main table, through whichever link reaches the gateway. */
    static byte[] addDefaultRoute(Inet4Address gateway) {
        return new MessageBuilder(Netlink.RTM_NEWROUTE, NEW)
                .rtmsg(AF_INET, 0, Netlink.RT_TABLE_MAIN, Netlink.RTPROT_BOOT, Netlink.RT_SCOPE_UNIVERSE, Netlink.RTN_UNICAST)
                .bytes(Netlink.RTA_GATEWAY, gateway.getAddress())
                .toBytes();
    }

    static byte[] broadcast(Inet4Address address, int prefixLength) {
        int hostBits = prefixLength == 0 ? -1 : (1 << (32 - prefixLength)) - 1;
        int value = ByteBuffer.wrap(address.getAddress()).getInt() | hostBits;
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    private static MessageBuilder change(int index) {
        return new MessageBuilder(Netlink.RTM_NEWLINK, CHANGE).ifinfomsg(AF_UNSPEC, index, 0, 0);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
