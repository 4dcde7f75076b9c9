package io.minicontainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.engine.ContainerStats;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** docker stats' fields, its default table, and the frames drawn on a terminal. */
class StatsRowsTest {
    private static final String ID = "0123456789ab".repeat(5) + "cdef";
    private static final ContainerStats BUSY = new ContainerStats(25.5, 1_503_238, 8_232_370_176L,
            1_503_238 * 100.0 / 8_232_370_176L, 1200, 648, 4_096_000, 0, 3);

    @Test
    void aRowHasDockersFieldsAndNumbers() {
        assertThat(StatsRows.row("web", ID, "web", Optional.of(BUSY), true)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Container", "web", "Name", "web", "ID", "0123456789ab", "CPUPerc", "25.50%",
                "MemUsage", "1.434MiB / 7.667GiB", "MemPerc", "0.02%", "NetIO", "1.2kB / 648B", "BlockIO", "4.1MB / 0B",
                "PIDs", "3"));
    }

    @Test
    void aStoppedContainerIsAllZeros() {
        assertThat(StatsRows.row(ID, ID, "done", Optional.of(ContainerStats.ZERO), false))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                "Container", ID, "Name", "done", "ID", ID, "CPUPerc", "0.00%", "MemUsage", "0B / 0B", "MemPerc", "0.00%",
                "NetIO", "0B / 0B", "BlockIO", "0B / 0B", "PIDs", "0"));
    }

    @Test
    void statsThatCannotBeReadAreDashes() {
        assertThat(StatsRows.row("web", ID, "", Optional.empty(), true)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Container", "web", "Name", "--", "ID", "0123456789ab", "CPUPerc", "--", "MemUsage", "-- / --",
                "MemPerc", "--", "NetIO", "--", "BlockIO", "--", "PIDs", "--"));
    }

    @Test
    void theDefaultTableHasDockersColumns() {
        String table = FormatOption.parse(null, StatsRows.DEFAULT_TABLE).render(
                List.of(StatsRows.row("web", ID, "web", Optional.of(BUSY), true)), StatsRows.HEADERS);

        assertThat(table).isEqualTo("""
                CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT     MEM %     NET I/O        BLOCK I/O    PIDS
                0123456789ab   web       25.50%    1.434MiB / 7.667GiB   0.02%     1.2kB / 648B   4.1MB / 0B   3
                """);
    }

    @Test
    void otherFieldsHaveTheirHeadersToo() {
        String table = FormatOption.parse("table {{.Container}}\t{{.CPUPerc}}", StatsRows.DEFAULT_TABLE).render(
                List.of(StatsRows.row("web", ID, "web", Optional.of(BUSY), true)), StatsRows.HEADERS);

        assertThat(table).isEqualTo("CONTAINER   CPU %\nweb         25.50%\n");
    }

    @Test
    void onATerminalEachFrameGoesHomeAndClearsWhatIsLeft() {
        String table = "HEAD\nrow\n";

        assertThat(StatsRows.frame(table, true, false)).isEqualTo("\033[HHEAD\033[K\nrow\033[K\n\033[K\n\033[J");
        assertThat(StatsRows.frame(table, true, true)).startsWith("\033[2J\033[HHEAD\033[K\n");
        assertThat(StatsRows.frame(table, false, true)).isEqualTo(table);
        assertThat(StatsRows.cleared(true)).isEqualTo("\033[H\033[J");
        assertThat(StatsRows.cleared(false)).isEmpty();
    }
}
