package io.minicontainer.network;

import java.nio.ByteBuffer;

/** A link's traffic counters since it was created, as the kernel's struct rtnl_link_stats64 has them. */
public record LinkStats(long rxBytes, long rxPackets, long txBytes, long txPackets) {
    public static final LinkStats NONE = new LinkStats(0, 0, 0, 0);

    /** struct rtnl_link_stats64 (IFLA_STATS64): rx_packets, tx_packets, rx_bytes, tx_bytes... as u64. */
    static LinkStats fromStats64(ByteBuffer stats) {
        return new LinkStats(stats.getLong(16), stats.getLong(0), stats.getLong(24), stats.getLong(8));
    }

    /** struct rtnl_link_stats (IFLA_STATS), the same order as u32: wraps at 4 GiB, so only a fallback. */
    static LinkStats fromStats32(ByteBuffer stats) {
        return new LinkStats(Integer.toUnsignedLong(stats.getInt(8)), Integer.toUnsignedLong(stats.getInt(0)),
                Integer.toUnsignedLong(stats.getInt(12)), Integer.toUnsignedLong(stats.getInt(4)));
    }
}
