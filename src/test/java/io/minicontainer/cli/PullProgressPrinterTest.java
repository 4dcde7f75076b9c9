package io.minicontainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.image.PullProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PullProgressPrinterTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void intoAPipeEachStateChangeIsOnePlainLineAndByteCountsAreLeftOut() {
        PullProgress progress = PullProgressPrinter.forStream(out, false);
        progress.status("1: Pulling from test/busybox");
        progress.layer("c4098145fd96", "Pulling fs layer");
        progress.bytes("c4098145fd96", 500_000, 1_000_000);
        progress.layer("c4098145fd96", "Pull complete");

        assertThat(printed()).isEqualTo("1: Pulling from test/busybox\nc4098145fd96: Pulling fs layer\n"
                + "c4098145fd96: Pull complete\n").doesNotContain("\033");
    }

    @Test
    void onATerminalLayerLinesAreRedrawnInPlaceWithABar() {
        PullProgress progress = PullProgressPrinter.forStream(out, true);
        progress.layer("aaaaaaaaaaaa", "Pulling fs layer");
        progress.layer("bbbbbbbbbbbb", "Pulling fs layer");
        progress.bytes("aaaaaaaaaaaa", 500_000, 1_000_000);

        String[] frames = printed().split("\033\\[2A"); // each redraw moves up over both layer lines
        assertThat(frames).hasSize(2);
        assertThat(frames[1]).contains("aaaaaaaaaaaa: Downloading [===================>", "500kB/1MB",
                "\r\033[2Kbbbbbbbbbbbb: Pulling fs layer\n");
    }
}
