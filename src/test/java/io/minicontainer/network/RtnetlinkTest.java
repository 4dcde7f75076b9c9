package io.minicontainer.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RtnetlinkTest {
    @Test
    void interfaceNamesFitIfnamsizAndAvoidWhatTheKernelRefuses() {
        assertThat(Rtnetlink.checkedName("minicontainer0")).isEqualTo("minicontainer0");
        assertThat(Rtnetlink.checkedName("veth1234567890a")).hasSize(15);
        for (String bad : new String[] {"", "veth1234567890ab", "a b", "a/b", "a:1", ".", "..", "eth\u00e9"}) {
            assertThatThrownBy(() -> Rtnetlink.checkedName(bad)).as(bad)
                    .hasMessage("invalid network interface name: \"" + bad + "\"");
        }
    }
}
