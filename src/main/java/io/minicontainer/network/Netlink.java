package io.minicontainer.network;

/**
 * The numbers of the netlink and rtnetlink protocols that this package uses, from the kernel's
 * uapi headers (linux/netlink.h, linux/rtnetlink.h, linux/if_link.h, linux/if_addr.h, linux/veth.h).
 */
final class Netlink {
    private Netlink() {}

    /** struct nlmsghdr: len u32, type u16, flags u16, seq u32, pid u32. */
    static final int HEADER_SIZE = 16;
    /** NLA_ALIGNTO and NLMSG_ALIGNTO: headers, payloads and attributes all start on 4 bytes. */
    static final int ALIGN_TO = 4;

    static final int NLM_F_REQUEST = 0x1;
    static final int NLM_F_ACK = 0x4;
    static final int NLM_F_DUMP = 0x300;
    static final int NLM_F_EXCL = 0x200;
    static final int NLM_F_CREATE = 0x400;

    static final int RTM_NEWLINK = 16;
    static final int RTM_DELLINK = 17;
    static final int RTM_GETLINK = 18;
    static final int RTM_NEWADDR = 20;
    static final int RTM_NEWROUTE = 24;

    static final int AF_UNSPEC = 0;
    static final int AF_INET = 2;

    /** struct ifinfomsg: family u8, pad u8, type u16, index s32, flags u32, change u32. */
    static final int IFINFOMSG_SIZE = 16;
    static final int IFF_UP = 0x1;

    static final int IFLA_ADDRESS = 1;
    static final int IFLA_IFNAME = 3;
    static final int IFLA_MTU = 4;
    static final int IFLA_LINK = 5;
    static final int IFLA_STATS = 7;
    static final int IFLA_MASTER = 10;
    static final int IFLA_LINKINFO = 18;
    static final int IFLA_STATS64 = 23;
    static final int IFLA_NET_NS_FD = 28;

    static final int IFLA_INFO_KIND = 1;
    static final int IFLA_INFO_DATA = 2;
    static final int VETH_INFO_PEER = 1;

    /** struct ifaddrmsg: family, prefixlen, flags, scope (u8 each), index u32. */
    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    static final int IFA_BROADCAST = 4;

    /** struct rtmsg: family, dst_len, src_len, tos, table, protocol, scope, type (u8 each), flags u32. */
    static final int RTA_GATEWAY = 5;
    static final int RT_TABLE_MAIN = 254;
    /** What `ip route add` marks its routes with: set by an administrator, not by a daemon. */
    static final int RTPROT_BOOT = 3;
    static final int RT_SCOPE_UNIVERSE = 0;
    static final int RTN_UNICAST = 1;

    static int align(int length) {
        return (length + ALIGN_TO - 1) & -ALIGN_TO;
    }
}
