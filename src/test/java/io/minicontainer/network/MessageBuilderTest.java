package io.minicontainer.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MessageBuilderTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    @Test
    void attributesArePaddedToFourBytesButTheirLengthIsNot() {
        byte[] message = new MessageBuilder(0x10, 0x5).bytes(1, new byte[] {1, 2, 3, 4, 5}).u32(2, 7).toBytes();
        assertThat(HEX.formatHex(message, 16, message.length)).isEqualTo(
                "09 00 01 00 01 02 03 04 05 00 00 00 08 00 02 00 07 00 00 00");
        assertThat(ByteBuffer.wrap(message).order(ByteOrder.nativeOrder()).getInt(0)).isEqualTo(message.length);
    }

    @Test
    void aNestCoversEverythingWrittenInsideItPaddingIncluded() {
        byte[] message = new MessageBuilder(0x10, 0x5).nest(18).string(3, "ab").nest(2).u32(1, 1).end().end()
                .toBytes();
        assertThat(HEX.formatHex(message, 16, message.length)).isEqualTo(
                "18 00 12 00 07 00 03 00 61 62 00 00 0c 00 02 00 08 00 01 00 01 00 00 00");
    }

    @Test
    void aNestLeftOpenIsABug() {
        assertThatThrownBy(() -> new MessageBuilder(0x10, 0x5).nest(18).toBytes())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void growsPastItsFirstBuffer() {
        MessageBuilder builder = new MessageBuilder(0x10, 0x5);
        for (int i = 0; i < 100; i++) {
            builder.u32(i, i);
        }
        byte[] message = builder.toBytes();
        assertThat(message).hasSize(16 + 100 * 8);
        Attributes attributes = Attributes.parse(ByteBuffer.wrap(message).position(16));
        assertThat(attributes.u32(99)).contains(99);
    }

    @Test
    void parsedAttributesIgnoreTheNestedFlagAndStopAtOverruns() {
        byte[] nestedFlag = HEX.parseHex("0c 00 12 80 08 00 01 00 76 65 74 68");
        assertThat(Attributes.parse(ByteBuffer.wrap(nestedFlag)).nested(18).string(1)).contains("veth");
        byte[] overrun = HEX.parseHex("10 00 01 00 00 00 00 00");
        assertThatThrownBy(() -> Attributes.parse(ByteBuffer.wrap(overrun)))
                .hasMessageContaining("overruns");
    }
}
