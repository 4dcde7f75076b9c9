package io.minicontainer.network;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes (struct rtattr / nlattr: len u16, type u16, payload, padding to 4 bytes) of one
 * message or of one nested attribute, by type. The kernel may flag a type with NLA_F_NESTED or
 * NLA_F_NET_BYTEORDER; those bits are not part of the type.
 */
final class Attributes {
    private static final int TYPE_MASK = 0x3fff;

    private final Map<Integer, ByteBuffer> byType;

    private Attributes(Map<Integer, ByteBuffer> byType) {
        this.byType = byType;
    }

    /** The attributes from {@code buffer}'s position to its limit; a later duplicate replaces an earlier one. */
    static Attributes parse(ByteBuffer buffer) {
        ByteBuffer data = buffer.slice().order(ByteOrder.nativeOrder());
        Map<Integer, ByteBuffer> byType = new HashMap<>();
        int offset = 0;
        while (offset + 4 <= data.limit()) {
            int length = Short.toUnsignedInt(data.getShort(offset));
            int type = Short.toUnsignedInt(data.getShort(offset + 2)) & TYPE_MASK;
            if (length < 4 || offset + length > data.limit()) {
                throw new IllegalArgumentException("netlink attribute " + type + " at " + offset + ": length " + length
                        + " overruns " + data.limit() + " bytes");
            }
            byType.put(type, data.slice(offset + 4, length - 4).order(ByteOrder.nativeOrder()));
            offset += Netlink.align(length);
        }
        return new Attributes(byType);
    }

    boolean has(int type) {
        return byType.containsKey(type);
    }

    /** The payload, positioned at its start. */
    Optional<ByteBuffer> get(int type) {
        return Optional.ofNullable(byType.get(type)).map(ByteBuffer::duplicate).map(b -> b.order(ByteOrder.nativeOrder()));
    }

    Optional<Integer> u32(int type) {
        return get(type).filter(b -> b.remaining() >= 4).map(b -> b.getInt(0));
    }

    /** A string attribute without its terminating NUL. */
    Optional<String> string(int type) {
        return get(type).map(b -> {
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            int end = 0;
            while (end < bytes.length && bytes[end] != 0) {
                end++;
            }
            return new String(bytes, 0, end, StandardCharsets.UTF_8);
        });
    }

    Optional<byte[]> bytes(int type) {
        return get(type).map(b -> {
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return bytes;
        });
    }

    /** The attributes inside a nested attribute (empty when there is none). */
    Attributes nested(int type) {
        return get(type).map(Attributes::parse).orElseGet(() -> new Attributes(Map.of()));
    }
}
