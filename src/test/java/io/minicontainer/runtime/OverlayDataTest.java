package io.minicontainer.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OverlayDataTest {
    private static final String LAYERS = "/var/lib/minicontainer/images/layers";

    private static String data(int layerCount) {
        List<String> layers = IntStream.range(0, layerCount)
                .mapToObj(i -> LAYERS + "/" + String.format("%064x", i) + "/diff").toList();
        return "lowerdir=" + String.join(":", layers) + ",upperdir=/c/upper,workdir=/c/work";
    }

    @Test
    void shortOptionsAreLeftAlone() {
        assertThat(OverlayData.fit(data(3))).isEqualTo(new OverlayData("", data(3)));
    }

    @Test
    void manyLayersAreNamedRelativeToTheirCommonParent() {
        OverlayData fitted = OverlayData.fit(data(40));

        assertThat(fitted.workingDirectory()).isEqualTo(LAYERS);
        assertThat(fitted.data()).startsWith("lowerdir=" + String.format("%064x", 0) + "/diff:")
                .endsWith(",upperdir=/c/upper,workdir=/c/work").hasSizeLessThanOrEqualTo(OverlayData.LIMIT);
    }

    @Test
    void tooManyLayersForOnePageIsAClearError() {
        assertThatThrownBy(() -> OverlayData.fit(data(100))).isInstanceOf(SpecException.class)
                .hasMessageContaining("too many layers");
    }
}
