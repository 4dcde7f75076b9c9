package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.oci.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** --ulimit as docker (go-units) reads it. */
class UlimitsTest {

    @Test
    void softAndHardOneValueForBothAndMinusOneForUnlimited() {
        assertThat(Ulimits.parse(List.of("nofile=1024:2048", "nproc=64", "core=-1"))).containsExactly(
                new Spec.Rlimit("RLIMIT_NOFILE", 2048, 1024), new Spec.Rlimit("RLIMIT_NPROC", 64, 64),
                new Spec.Rlimit("RLIMIT_CORE", -1, -1));
    }

    @Test
    void aLaterValueForTheSameNameWins() {
        assertThat(Ulimits.parse(List.of("nofile=1", "stack=8192", "nofile=2:3"))).containsExactly(
                new Spec.Rlimit("RLIMIT_STACK", 8192, 8192), new Spec.Rlimit("RLIMIT_NOFILE", 3, 2));
    }

    @Test
    void everyNameDockerAcceptsIsKnown() {
        for (String name : List.of("core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile",
                "nproc", "rss", "rtprio", "rttime", "sigpending", "stack")) {
            assertThat(Ulimits.parse(List.of(name + "=1")).getFirst().type()).isEqualTo("RLIMIT_" + name.toUpperCase());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nofile=1024:1 | ulimit soft limit must be less than or equal to hard limit: 1024 > 1",
        "nofile=-1:1024 | ulimit soft limit must be less than or equal to hard limit: -1 > 1024",
        "cpu:512:1024 | invalid ulimit argument: cpu:512:1024",
        "foo=1024:1024 | invalid ulimit type: foo",
        "as=1 | invalid ulimit type: as",
        "nofile=512:1024:2048 | too many limit value arguments - 512:1024:2048, can only have up to two, `soft[:hard]`",
        "nofile=abc | strconv.ParseInt: parsing \"abc\": invalid syntax",
        "nofile=99999999999999999999 | strconv.ParseInt: parsing \"99999999999999999999\": value out of range",
        "nofile=1: | strconv.ParseInt: parsing \"\": invalid syntax"})
    void badValuesGetDockersMessages(String value, String message) {
        assertThatThrownBy(() -> Ulimits.parse(List.of(value))).isInstanceOf(EngineException.class)
                .hasMessage("invalid argument \"" + value + "\" for \"--ulimit\" flag: " + message);
    }

    @Test
    void describedInDockersNotation() {
        assertThat(Ulimits.describe(new Spec.Rlimit("RLIMIT_NOFILE", -1, 1024))).isEqualTo("nofile=1024:-1");
    }
}
