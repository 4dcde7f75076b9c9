package io.minicontainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DetachKeysTest {
    @Test
    void dockersDefaultIsCtrlPCtrlQ() {
        assertThat(DetachKeys.parse(Optional.empty())).containsExactly(16, 17);
        assertThat(DetachKeys.parse(Optional.of(""))).containsExactly(16, 17);
    }

    @Test
    void controlKeysAndPlainCharactersInAnyCase() {
        assertThat(DetachKeys.parse(Optional.of("ctrl-a,d"))).containsExactly(1, 100);
        assertThat(DetachKeys.parse(Optional.of("CTRL-Z,ctrl-@,ctrl-[,ctrl-\\,ctrl-],ctrl-^,ctrl-_")))
                .isEqualTo(List.of(26, 0, 27, 28, 29, 30, 31));
    }

    @Test
    void anythingElseIsDockersError() {
        for (String bad : List.of("foo", "ctrl-1", "ctrl-", "ctrl-ab", "é", "a,,")) {
            assertThatThrownBy(() -> DetachKeys.parse(Optional.of(bad))).isInstanceOf(CliException.class)
                    .hasMessage("Invalid detach keys (" + bad + ") provided");
        }
    }
}
