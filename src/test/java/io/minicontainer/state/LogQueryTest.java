package io.minicontainer.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogQueryTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @ParameterizedTest
    @CsvSource({"all, -1", "0, 0", "5, 5", "+3, 3", "-1, -1", "-7, -1", "99999999999, 2147483647", "-99999999999, -1"})
    void tailIsAllOrACountAndNegativeMeansAll(String value, int lines) {
        assertThat(LogQuery.parseTail(value)).isEqualTo(lines);
    }

    @Test
    void noTailMeansAll() {
        assertThat(LogQuery.parseTail(null)).isEqualTo(LogQuery.ALL_LINES);
        assertThat(LogQuery.parseTail("")).isEqualTo(LogQuery.ALL_LINES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "ALL", "5 ", "1e3"})
    void refusesATailThatIsNeitherACountNorAll(String value) {
        assertThatThrownBy(() -> LogQuery.parseTail(value)).isInstanceOf(StateException.class)
                .hasMessage("invalid value for \"tail\": \"" + value + "\": expected a number or \"all\"");
    }

    @Test
    void fromFlagsReadsDockersValues() {
        LogQuery query = LogQuery.fromFlags("10", "10m", "2026-11-29T11:55:00Z", true, true, NOW);

        assertThat(query).isEqualTo(new LogQuery(10, Instant.parse("2026-11-29T11:50:00Z"),
                Instant.parse("2026-11-29T11:55:00Z"), true, true));
        assertThat(LogQuery.fromFlags(null, null, "", false, false, NOW)).isEqualTo(LogQuery.all());
    }

    @Test
    void fromFlagsNamesTheFlagWithABadValue() {
        assertThatThrownBy(() -> LogQuery.fromFlags("all", "yesterday", null, false, false, NOW))
                .hasMessage("invalid value for \"since\": failed to parse value as time or duration: \"yesterday\"");
        assertThatThrownBy(() -> LogQuery.fromFlags("all", null, "1x", false, false, NOW))
                .hasMessageContaining("\"until\"");
    }

    @Test
    void aNegativeTailIsAll() {
        assertThat(new LogQuery(-5, null, null, false, false).tail()).isEqualTo(LogQuery.ALL_LINES);
    }

    @Test
    void sinceAndUntilAreBothInclusive() {
        LogQuery query = LogQuery.fromFlags(null, "2026-11-29T11:00:00Z", "2026-11-29T11:30:00Z", false, false, NOW);

        assertThat(query.admits(Instant.parse("2026-11-29T11:00:00Z"))).isTrue();
        assertThat(query.admits(Instant.parse("2026-11-29T11:30:00Z"))).isTrue();
        assertThat(query.admits(Instant.parse("2026-11-29T10:59:59.999999999Z"))).isFalse();
        assertThat(query.admits(Instant.parse("2026-11-29T11:30:00.000000001Z"))).isFalse();
    }
}
