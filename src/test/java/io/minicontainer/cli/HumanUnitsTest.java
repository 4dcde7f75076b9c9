package io.minicontainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanUnitsTest {
    @Test
    void sizesHaveThreeSignificantDigitsInDecimalUnitsLikeDocker() {
        assertThat(HumanUnits.size(12)).isEqualTo("12B");
        assertThat(HumanUnits.size(725_000)).isEqualTo("725kB");
        assertThat(HumanUnits.size(4_261_296)).isEqualTo("4.26MB");
        assertThat(HumanUnits.size(1_000_000)).isEqualTo("1MB");
        assertThat(HumanUnits.size(1_234_567_890)).isEqualTo("1.23GB");
        assertThat(HumanUnits.size(12_345)).isEqualTo("12.3kB");
    }

    @Test
    void durationsReadLikeDockersCreatedColumn() {
        assertThat(HumanUnits.duration(Duration.ofMillis(300))).isEqualTo("Less than a second");
        assertThat(HumanUnits.duration(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(HumanUnits.duration(Duration.ofSeconds(42))).isEqualTo("42 seconds");
        assertThat(HumanUnits.duration(Duration.ofSeconds(70))).isEqualTo("About a minute");
        assertThat(HumanUnits.duration(Duration.ofMinutes(61))).isEqualTo("About an hour");
        assertThat(HumanUnits.duration(Duration.ofHours(30))).isEqualTo("30 hours");
        assertThat(HumanUnits.duration(Duration.ofDays(5))).isEqualTo("5 days");
        assertThat(HumanUnits.duration(Duration.ofDays(21))).isEqualTo("3 weeks");
        assertThat(HumanUnits.duration(Duration.ofDays(120))).isEqualTo("4 months");
        assertThat(HumanUnits.duration(Duration.ofDays(800))).isEqualTo("2 years");
    }
}
