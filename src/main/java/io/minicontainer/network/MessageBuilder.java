package io.minicontainer.network;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Writes one netlink message: the nlmsghdr, the request's fixed struct (ifinfomsg, ifaddrmsg,
 * rtmsg) and its attributes, nested ones included. Netlink is in host byte order; every part
 * starts on a 4-byte boundary and the padding is zeros, as the kernel's NLA_ALIGN expects.
 *
 * <p>The sequence number stays 0: the socket that sends the message fills it in.
 */
final class MessageBuilder {
    private ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
    private final Deque<Integer> openNests = new ArrayDeque<>();

    MessageBuilder(int type, int flags) {
        buffer.putInt(0).putShort((short) type).putShort((short) flags).putInt(0).putInt(0);
    }

    /** struct ifinfomsg: which link (0: the one an IFLA_IFNAME names, or a new one) and flags to change. */
    MessageBuilder ifinfomsg(int family, int index, int flags, int change) {
        room(Netlink.IFINFOMSG_SIZE);
        buffer.put((byte) family).put((byte) 0).putShort((short) 0).putInt(index).putInt(flags).putInt(change);
        return this;
    }

    /** struct ifaddrmsg. */
    MessageBuilder ifaddrmsg(int family, int prefixLength, int scope, int index) {
        room(8);
        buffer.put((byte) family).put((byte) prefixLength).put((byte) 0).put((byte) scope).putInt(index);
        return this;
    }

    /** struct rtmsg, for a route to {@code dst/dstLength} without source or TOS selectors. */
    MessageBuilder rtmsg(int family, int dstLength, int table, int protocol, int scope, int type) {
        room(12);
        buffer.put((byte) family).put((byte) dstLength).put((byte) 0).put((byte) 0)
                .put((byte) table).put((byte) protocol).put((byte) scope).put((byte) type).putInt(0);
        return this;
    }

    /** An attribute holding {@code value} as it is (an address, a kind name without NUL). */
    MessageBuilder bytes(int type, byte[] value) {
        room(Netlink.align(4 + value.length));
        buffer.putShort((short) (4 + value.length)).putShort((short) type).put(value);
        pad();
        return this;
    }

    /** A NUL-terminated string attribute, as names are (IFLA_IFNAME). */
    MessageBuilder string(int type, String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        return bytes(type, Arrays.copyOf(text, text.length + 1));
    }

    MessageBuilder u32(int type, int value) {
        room(8);
        buffer.putShort((short) 8).putShort((short) type).putInt(value);
        return this;
    }

    /** Opens an attribute whose payload is more attributes (or a struct and attributes) until {@link #end}. */
    MessageBuilder nest(int type) {
        room(4);
        openNests.push(buffer.position());
        buffer.putShort((short) 0).putShort((short) type);
        return this;
    }

    /** Closes the innermost {@link #nest}: its length now covers all written inside it. */
    MessageBuilder end() {
        int start = openNests.pop();
        buffer.putShort(start, (short) (buffer.position() - start));
        return this;
    }

    /** The message, with nlmsg_len set; every {@link #nest} must have been closed. */
    byte[] toBytes() {
        if (!openNests.isEmpty()) {
            throw new IllegalStateException(openNests.size() + " nested attributes left open");
        }
        buffer.putInt(0, buffer.position());
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private void pad() {
        while (buffer.position() % Netlink.ALIGN_TO != 0) {
            buffer.put((byte) 0);
        }
    }

    private void room(int bytes) {
        if (buffer.remaining() < bytes) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes))
                    .order(ByteOrder.nativeOrder());
            bigger.put(buffer.array(), 0, buffer.position());
            buffer = bigger;
        }
    }
}
