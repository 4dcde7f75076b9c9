package io.minicontainer.sys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class NetlinkSocketTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    @Test
    void anExtendedAckAddsTheKernelsExplanation() {
        // the kernel's answer to `ip link set mctx0 mtu 70000` on a bridge (kernel 6.18, captured with
        // strace -e read=3): NLMSG_ERROR with NLM_F_ACK_TLVS, errno -22, the request echoed, NLMSGERR_ATTR_MSG
        ByteBuffer reply = buffer("60 00 00 00 02 00 00 02 c1 1c 0c 6b 5c 72 00 00 ea ff ff ff 28 00 00 00 "
                + "10 00 05 00 c1 1c 0c 6b 00 00 00 00 00 00 00 00 02 00 00 00 00 00 00 00 00 00 00 00 "
                + "08 00 04 00 70 11 01 00 24 00 01 00 6d 74 75 20 67 72 65 61 74 65 72 20 74 68 61 6e "
                + "20 64 65 76 69 63 65 20 6d 61 78 69 6d 75 6d 00");
        assertThat(NetlinkSocket.reason(reply, 0, 22)).isEqualTo("Invalid argument (mtu greater than device maximum)");
    }

    @Test
    void aCappedAckHasItsAttributesRightAfterTheRequestsHeader() {
        ByteBuffer reply = buffer("2c 00 00 00 02 00 00 03 01 00 00 00 00 00 00 00 ef ff ff ff 3c 00 00 00 "
                + "10 00 05 06 01 00 00 00 00 00 00 00 08 00 01 00 68 69 21 00");
        assertThat(NetlinkSocket.reason(reply, 0, 17)).isEqualTo("File exists (hi!)");
    }

    @Test
    void aPlainErrorIsJustStrerror() {
        ByteBuffer reply = buffer("24 00 00 00 02 00 00 00 01 00 00 00 00 00 00 00 ed ff ff ff 20 00 00 00 "
                + "12 00 05 00 01 00 00 00 00 00 00 00");
        assertThat(NetlinkSocket.reason(reply, 0, 19)).isEqualTo("No such device");
    }

    private static ByteBuffer buffer(String hex) {
        return ByteBuffer.wrap(HEX.parseHex(hex)).order(ByteOrder.LITTLE_ENDIAN);
    }
}
