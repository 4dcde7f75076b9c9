package io.minicontainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DockerTimesTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private static Instant ago(Duration d) {
        return NOW.minus(d);
    }

    private static String human(Duration d) {
        return HumanUnits.duration(d);
    }

    @Test
    void humanDurationSecondsAndMinutesAreTruncated() {
        assertThat(human(Duration.ZERO)).isEqualTo("Less than a second");
        assertThat(human(Duration.ofMillis(999))).isEqualTo("Less than a second");
        assertThat(human(Duration.ofSeconds(-5))).isEqualTo("Less than a second");
        assertThat(human(Duration.ofMillis(1999))).isEqualTo("1 second");
        assertThat(human(Duration.ofSeconds(2))).isEqualTo("2 seconds");
        assertThat(human(Duration.ofSeconds(59))).isEqualTo("59 seconds");
        assertThat(human(Duration.ofSeconds(60))).isEqualTo("About a minute");
        assertThat(human(Duration.ofSeconds(119))).isEqualTo("About a minute");
        assertThat(human(Duration.ofSeconds(120))).isEqualTo("2 minutes");
        assertThat(human(Duration.ofSeconds(3599))).isEqualTo("59 minutes");
    }

    @Test
    void humanDurationHoursAndLongerAreRounded() {
        assertThat(human(Duration.ofMinutes(60))).isEqualTo("About an hour");
        assertThat(human(Duration.ofMinutes(89))).isEqualTo("About an hour");
        assertThat(human(Duration.ofMinutes(90))).isEqualTo("2 hours");
        assertThat(human(Duration.ofMinutes(47 * 60 + 29))).isEqualTo("47 hours");
        assertThat(human(Duration.ofMinutes(47 * 60 + 30))).isEqualTo("2 days");
        assertThat(human(Duration.ofHours(84))).isEqualTo("4 days");
        assertThat(human(Duration.ofDays(13))).isEqualTo("13 days");
        assertThat(human(Duration.ofDays(14))).isEqualTo("2 weeks");
        assertThat(human(Duration.ofDays(59))).isEqualTo("8 weeks");
        assertThat(human(Duration.ofDays(60))).isEqualTo("2 months");
        assertThat(human(Duration.ofDays(729))).isEqualTo("24 months");
        assertThat(human(Duration.ofDays(730))).isEqualTo("2 years");
        assertThat(human(Duration.ofDays(365 * 10 + 200))).isEqualTo("11 years");
    }

    @Test
    void createdColumnSaysAgo() {
        assertThat(DockerTimes.ago(ago(Duration.ofMinutes(2)), NOW)).isEqualTo("2 minutes ago");
        assertThat(DockerTimes.ago(NOW, NOW)).isEqualTo("Less than a second ago");
        assertThat(DockerTimes.ago(ago(Duration.ofDays(3)), NOW)).isEqualTo("3 days ago");
    }

    @Test
    void statusOfRunningAndPausedContainers() {
        Instant started = ago(Duration.ofSeconds(3));
        assertThat(DockerTimes.status("running", started, null, 0, NOW)).isEqualTo("Up 3 seconds");
        assertThat(DockerTimes.status("running", NOW, null, 0, NOW)).isEqualTo("Up Less than a second");
        assertThat(DockerTimes.status("paused", ago(Duration.ofMinutes(2)), null, 0, NOW)).isEqualTo("Up 2 minutes (Paused)");
        assertThat(DockerTimes.status("running", started, null, 0, "healthy", NOW)).isEqualTo("Up 3 seconds (healthy)");
        assertThat(DockerTimes.status("running", started, null, 0, "starting", NOW))
                .isEqualTo("Up 3 seconds (health: starting)");
        assertThat(DockerTimes.status("running", started, null, 0, "none", NOW)).isEqualTo("Up 3 seconds");
    }

    @Test
    void statusOfStoppedContainers() {
        Instant started = ago(Duration.ofHours(3));
        assertThat(DockerTimes.status("created", null, null, 0, NOW)).isEqualTo("Created");
        assertThat(DockerTimes.status("exited", started, ago(Duration.ofMinutes(2)), 0, NOW))
                .isEqualTo("Exited (0) 2 minutes ago");
        assertThat(DockerTimes.status("exited", started, ago(Duration.ofHours(2)), 137, NOW))
                .isEqualTo("Exited (137) 2 hours ago");
        assertThat(DockerTimes.status("restarting", started, ago(Duration.ofSeconds(5)), 1, NOW))
                .isEqualTo("Restarting (1) 5 seconds ago");
        assertThat(DockerTimes.status("removing", started, NOW, 0, NOW)).isEqualTo("Removal In Progress");
        assertThat(DockerTimes.status("dead", started, NOW, 0, NOW)).isEqualTo("Dead");
        assertThat(DockerTimes.status("exited", started, null, 0, NOW)).isEmpty();
    }

    @Test
    void createdAtIsGosTimeFormatToTheSecond() {
        Instant created = Instant.parse("2024-05-01T10:11:12.345Z");
        assertThat(DockerTimes.createdAt(created, ZoneOffset.UTC)).isEqualTo("2024-05-01 10:11:12 +0000 UTC");
        assertThat(DockerTimes.createdAt(created, ZoneId.of("Europe/Berlin"))).isEqualTo("2024-05-01 12:11:12 +0200 CEST");
    }
}
