package io.minicontainer.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogTimesTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00.700Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris"); // +01:00 in November

    private static Instant parse(String value) {
        return LogTimes.parse("since", value, NOW, PARIS);
    }

    @ParameterizedTest
    @CsvSource({
        "10m, 2026-11-29T11:50:00Z",
        "1h30m, 2026-11-29T10:30:00Z",
        "45s, 2026-11-29T11:59:15Z",
        "1.5h, 2026-11-29T10:30:00Z",
        ".5m, 2026-11-29T11:59:30Z",
        "1h2m3.5s, 2026-11-29T10:57:57Z",
        "500ms, 2026-11-29T12:00:00Z",
        "1500000us, 2026-11-29T11:59:59Z",
        "+5m, 2026-11-29T11:55:00Z",
        "-10m, 2026-11-29T12:10:00Z",
        "0s, 2026-11-29T12:00:00Z",
    })
    void aDurationCountsBackFromNowInWholeSecondsAsDockerSendsIt(String value, Instant expected) {
        assertThat(parse(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-29T11:22:33.123456789Z, 2026-11-29T11:22:33.123456789Z",
        "2026-11-29T11:22:33.5Z, 2026-11-29T11:22:33.500Z",
        "2026-11-29T11:22:33Z, 2026-11-29T11:22:33Z",
        "2026-11-29T11:22:33+01:00, 2026-11-29T10:22:33Z",
        "2026-11-29T11:22:33-05:30, 2026-11-29T16:52:33Z",
        "2026-11-29T11:22Z, 2026-11-29T11:22:00Z",
        "2026-11-29T11+02:00, 2026-11-29T09:00:00Z",
        "2026-11-29Z, 2026-11-29T00:00:00Z",
        "2026-11-29T11:22:33.1234567891Z, 2026-11-29T11:22:33.123456789Z",
    })
    void rfc3339TimesAndTheirPrefixes(String value, Instant expected) {
        assertThat(parse(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-29, 2026-11-28T23:00:00Z",
        "2026-11-29T11:22:33, 2026-11-29T10:22:33Z",
        "2026-11-29T11:22:33.25, 2026-11-29T10:22:33.250Z",
        "2026-11-29T11:22, 2026-11-29T10:22:00Z",
        "2026-11-29T11, 2026-11-29T10:00:00Z",
    })
    void aTimeWithoutZoneIsLocal(String value, Instant expected) {
        assertThat(parse(value)).isEqualTo(expected);
        assertThat(LogTimes.parse("since", value, NOW, ZoneOffset.UTC)).isEqualTo(expected.plusSeconds(3600));
    }

    @ParameterizedTest
    @CsvSource({
        "1700000000, 2023-11-14T22:13:20Z",
        "1700000000.5, 2023-11-14T22:13:20.500Z",
        "1700000000.000000001, 2023-11-14T22:13:20.000000001Z",
        "1700000000.1234567899, 2023-11-14T22:13:20.123456789Z",
        "0, 1970-01-01T00:00:00Z",
        "5, 1970-01-01T00:00:05Z",
    })
    void unixTimestamps(String value, Instant expected) {
        assertThat(parse(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "10x", "1h5", "1..5s", "s", ".s", "1700000000.", "1e9", " 10m", "10m ",
        "99999999999999999999"})
    void refusesWhatIsNeitherTimeNorDuration(String value) {
        assertThatThrownBy(() -> LogTimes.parse("until", value, NOW)).isInstanceOf(StateException.class)
                .hasMessage("invalid value for \"until\": failed to parse value as time or duration: \"" + value + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01", "2026-02-30", "2026-11-29T25:00", "2026-11-29T11:22:33+25:00", "2026-11",
        "2026-11-29 11:22:33", "2026-11-29T11:22:33.Z"})
    void refusesTimesThatDoNotParse(String value) {
        assertThatThrownBy(() -> LogTimes.parse("since", value, NOW)).isInstanceOf(StateException.class)
                .hasMessageStartingWith("invalid value for \"since\": parsing time \"" + value + "\"");
    }
}
