package io.minicontainer.cgroups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StatFilesTest {
    @Test
    void memoryInUseLeavesOutTheInactivePageCache() {
        assertThat(StatFiles.memoryInUse(OptionalLong.of(100), Optional.of("inactive_file 30\n"), "inactive_file"))
                .isEqualTo(70);
        assertThat(StatFiles.memoryInUse(OptionalLong.of(100), Optional.of("inactive_file 300\n"), "inactive_file"))
                .isEqualTo(100);
        assertThat(StatFiles.memoryInUse(OptionalLong.of(100), Optional.empty(), "inactive_file")).isEqualTo(100);
        assertThat(StatFiles.memoryInUse(OptionalLong.empty(), Optional.empty(), "inactive_file")).isEqualTo(-1);
    }

    @Test
    void memTotalIsReadInBytes() {
        assertThat(HostMemory.memTotal("MemTotal:        8000000 kB\nMemFree:  100 kB\n")).isEqualTo(8_192_000_000L);
        assertThat(HostMemory.memTotal("")).isEqualTo(-1);
    }

    @Test
    void keyedValuesAreWholeKeysOnly() {
        String stat = "inactive_file 1\ntotal_inactive_file 2\n";

        assertThat(CgroupFiles.keyedValue(stat, "inactive_file")).hasValue(1);
        assertThat(CgroupFiles.keyedValue(stat, "total_inactive_file")).hasValue(2);
        assertThat(CgroupFiles.keyedValue(stat, "active_file")).isEmpty();
    }

    @Test
    void emptyIoFilesAreZeroNotUnknown() {
        assertThat(StatFiles.ioStat("")).isEqualTo(new StatFiles.ReadWrite(0, 0));
        assertThat(StatFiles.blkio("Total 0\n")).isEqualTo(new StatFiles.ReadWrite(0, 0));
    }
}
