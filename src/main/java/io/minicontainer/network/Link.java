package io.minicontainer.network;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * A network interface as an RTM_NEWLINK message describes it.
 *
 * @param kind   the driver's name from IFLA_LINKINFO ("bridge", "veth"), empty for a physical link or lo
 * @param master the index of the bridge it is attached to, 0 for none
 * @param peer   IFLA_LINK: for a veth the index of its other end (maybe in another namespace), else 0 or itself
 */
public record Link(int index, String name, int flags, int mtu, Optional<MacAddress> mac, String kind, int master,
        int peer, LinkStats stats) {

    public boolean isUp() {
        return (flags & Netlink.IFF_UP) != 0;
    }

    /** Decodes a whole RTM_NEWLINK message: nlmsghdr, ifinfomsg, attributes. */
    static Link decode(ByteBuffer message) {
        ByteBuffer data = message.duplicate().order(ByteOrder.nativeOrder());
        int start = data.position();
        int type = Short.toUnsignedInt(data.getShort(start + 4));
        if (type != Netlink.RTM_NEWLINK) {
            throw new IllegalArgumentException("not an RTM_NEWLINK message: type " + type);
        }
        int length = data.getInt(start);
        int body = start + Netlink.HEADER_SIZE;
        int index = data.getInt(body + 4);
        int flags = data.getInt(body + 8);
        Attributes attributes = Attributes.parse(data.limit(start + length).position(body + Netlink.IFINFOMSG_SIZE));
        return new Link(index,
                attributes.string(Netlink.IFLA_IFNAME).orElse(""),
                flags,
                attributes.u32(Netlink.IFLA_MTU).orElse(0),
                attributes.bytes(Netlink.IFLA_ADDRESS).filter(b -> b.length == 6).map(MacAddress::of),
                attributes.nested(Netlink.IFLA_LINKINFO).string(Netlink.IFLA_INFO_KIND).orElse(""),
                attributes.u32(Netlink.IFLA_MASTER).orElse(0),
                attributes.u32(Netlink.IFLA_LINK).orElse(0),
                stats(attributes));
    }

    private static LinkStats stats(Attributes attributes) {
        return attributes.get(Netlink.IFLA_STATS64).filter(b -> b.remaining() >= 32).map(LinkStats::fromStats64)
                .or(() -> attributes.get(Netlink.IFLA_STATS).filter(b -> b.remaining() >= 16).map(LinkStats::fromStats32))
                .orElse(LinkStats.NONE);
    }
}
