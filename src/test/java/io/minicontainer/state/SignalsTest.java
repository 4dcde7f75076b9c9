package io.minicontainer.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignalsTest {
    @Test
    void namesWithOrWithoutSigAnyCaseAndNumbers() {
        assertThat(Signals.parse("SIGTERM")).isEqualTo(15);
        assertThat(Signals.parse("term")).isEqualTo(15);
        assertThat(Signals.parse("KILL")).isEqualTo(9);
        assertThat(Signals.parse("sigusr1")).isEqualTo(10);
        assertThat(Signals.parse("9")).isEqualTo(9);
        assertThat(Signals.parse("SIGRTMIN+3")).isEqualTo(37);
        assertThat(Signals.parse("RTMAX")).isEqualTo(64);
        assertThat(Signals.parse("IOT")).isEqualTo(6);
    }

    @Test
    void unknownOnesAreOneLineErrors() {
        for (String bad : new String[] {"SIGFOO", "0", "65", "RTMIN+40", "", "-1"}) {
            assertThatThrownBy(() -> Signals.parse(bad)).isInstanceOf(StateException.class)
                    .hasMessage("invalid signal: " + bad);
        }
    }
}
