package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.runtime.LaunchOptions.LogLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogOptionsTest {
    @Test
    void dockersSizesAndFileCounts() {
        assertThat(LogOptions.parse(List.of())).isEqualTo(LogLimits.UNLIMITED);
        assertThat(LogOptions.parse(List.of("max-size=10m", "max-file=3"))).isEqualTo(new LogLimits(10L << 20, 3));
        assertThat(LogOptions.parse(List.of("max-size=1.5k"))).isEqualTo(new LogLimits(1536, 1));
        assertThat(LogOptions.parse(List.of("max-size=2g"))).isEqualTo(new LogLimits(2L << 30, 1));
        assertThat(LogOptions.parse(List.of("max-size=512"))).isEqualTo(new LogLimits(512, 1));
        assertThat(LogOptions.parse(List.of("max-size=-1"))).isEqualTo(LogLimits.UNLIMITED);
    }

    @Test
    void badOptionsAreOneLineErrors() {
        assertThatThrownBy(() -> LogOptions.parse(List.of("max-size")))
                .hasMessage("invalid log opt 'max-size': expected key=value");
        assertThatThrownBy(() -> LogOptions.parse(List.of("max-size=big")))
                .hasMessage("invalid max-size 'big': expected a size such as 10m");
        assertThatThrownBy(() -> LogOptions.parse(List.of("max-size=1m", "max-file=0")))
                .hasMessage("invalid max-file '0': must be at least 1");
        assertThatThrownBy(() -> LogOptions.parse(List.of("max-file=3"))).hasMessage("max-file cannot be set without max-size");
        assertThatThrownBy(() -> LogOptions.parse(List.of("labels=a")))
                .hasMessage("unknown log opt 'labels' (max-size and max-file are supported)");
    }
}
