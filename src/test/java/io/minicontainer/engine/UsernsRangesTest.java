package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsernsRangesTest {
    @TempDir
    Path root;

    private UsernsRanges ranges(String... existing) throws IOException {
        ContainerLayout layout = new ContainerLayout(root, root.resolve("run"));
        for (String id : existing) {
            Files.createDirectories(layout.containerDir(id));
        }
        return new UsernsRanges(layout);
    }

    @Test
    void eachContainerGetsTheFirstFreeRangeAndGivesItBack() throws IOException {
        UsernsRanges ranges = ranges("a", "b");
        assertThat(ranges.allocate("a")).isZero();
        assertThat(ranges.allocate("b")).isEqualTo(1);
        ranges.release("a");
        assertThat(ranges.allocate("b")).isZero();
        assertThat(UsernsRanges.base(1)).isEqualTo((1L << 30) + 65536);
        assertThat(UsernsRanges.base(UsernsRanges.RANGES - 1) + UsernsRanges.SIZE).isLessThanOrEqualTo(1L << 31);
    }

    @Test
    void theRangeOfAContainerThatIsGoneIsTakenBack() throws IOException {
        UsernsRanges ranges = ranges("alive");
        Files.createDirectories(root.resolve("userns"));
        Files.writeString(ranges.file(0), "crashed");
        assertThat(ranges.allocate("alive")).isZero();
        assertThat(Files.readString(ranges.file(0))).isEqualTo("alive");
    }
}
