package io.minicontainer.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeStatusTest {
    @TempDir
    Path dir;

    private static final ContainerRecord RECORD = new ContainerRecord(Map.of("Id", "a".repeat(64), "Name", "web",
            "Created", "2026-11-29T10:00:00Z"));

    @Test
    void aContainerThatNeverStartedIsCreated() {
        Container container = Container.of(dir, RECORD, RuntimeStatus.read(dir));
        assertThat(container.status()).isEqualTo(Container.Status.CREATED);
        assertThat(container.exitCode()).isZero();
    }

    @Test
    void anExitedStatusCarriesItsCodeAndTimes() throws IOException {
        Files.writeString(dir.resolve("status"), "state=exited\nexit_code=3\noom_killed=1\n"
                + "started_at=2026-11-29T10:00:01.5Z\nfinished_at=2026-11-29T10:00:02Z\n");
        Container container = Container.of(dir, RECORD, RuntimeStatus.read(dir));
        assertThat(container.status()).isEqualTo(Container.Status.EXITED);
        assertThat(container.exitCode()).isEqualTo(3);
        assertThat(container.runtime().orElseThrow().oomKilled()).isTrue();
        assertThat(container.startedAt()).contains(Instant.parse("2026-11-29T10:00:01.5Z"));
        assertThat(container.process()).isEmpty();
    }

    @Test
    void runningIsBelievedOnlyWhileThatVeryMonitorLives() throws IOException {
        long self = ProcessHandle.current().pid();
        long ticks = ProcessIdentity.startTicks(self);
        String boot = ProcessIdentity.currentBootId();
        Files.writeString(dir.resolve("status"), running(self, ticks, boot));
        assertThat(Container.of(dir, RECORD, RuntimeStatus.read(dir)).status()).isEqualTo(Container.Status.RUNNING);

        Files.writeString(dir.resolve("status"), running(self, ticks + 1, boot)); // the pid was reused
        Container reused = Container.of(dir, RECORD, RuntimeStatus.read(dir));
        assertThat(reused.status()).isEqualTo(Container.Status.EXITED);
        assertThat(reused.lost()).isTrue();
        assertThat(reused.exitCode()).isEqualTo(137);

        Files.writeString(dir.resolve("status"), running(self, ticks, "another-boot"));
        assertThat(Container.of(dir, RECORD, RuntimeStatus.read(dir)).status()).isEqualTo(Container.Status.EXITED);
    }

    @Test
    void unparsableNumbersAreUnknownNotFatal() {
        RuntimeStatus status = RuntimeStatus.parse("state=running\npid=x\n");
        assertThat(status.container().pid()).isEqualTo(-1);
        assertThat(status.container().alive()).isFalse();
        assertThat(status.startedAt()).isEqualTo(Optional.empty());
    }

    private static String running(long pid, long ticks, String boot) {
        return "state=running\npid=" + pid + "\npid_start=" + ticks + "\nmonitor=" + pid + "\nmonitor_start=" + ticks
                + "\nboot_id=" + boot + "\nstarted_at=2026-11-29T10:00:01Z\n";
    }
}
