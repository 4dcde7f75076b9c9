package io.minicontainer.engine.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.engine.EngineException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeFilterTest {
    private static final Volume CACHE = new Volume("app-cache", "2024-01-01T00:00:00Z", Map.of("team", "a", "tier", ""),
            Map.of(), Path.of("/v/app-cache/_data"));

    private static boolean matches(boolean inUse, String... filters) {
        return VolumeFilter.parse(List.of(filters)).matches(CACHE, inUse);
    }

    @Test
    void noFilterMatchesAll() {
        assertThat(matches(true)).isTrue();
    }

    @Test
    void danglingMeansUnused() {
        assertThat(matches(false, "dangling=true")).isTrue();
        assertThat(matches(true, "dangling=true")).isFalse();
        assertThat(matches(true, "dangling=false")).isTrue();
    }

    @Test
    void nameMatchesAPartAndLabelsByKeyOrKeyAndValue() {
        assertThat(matches(false, "name=cache")).isTrue();
        assertThat(matches(false, "name=^app")).isTrue();
        assertThat(matches(false, "name=db")).isFalse();
        assertThat(matches(false, "label=tier")).isTrue();
        assertThat(matches(false, "label=team=a")).isTrue();
        assertThat(matches(false, "label=team=b")).isFalse();
        assertThat(matches(false, "driver=local")).isTrue();
    }

    @Test
    void valuesOfOneKeyAreAlternativesKeysAreAllRequired() {
        assertThat(matches(false, "name=db", "name=cache")).isTrue();
        assertThat(matches(true, "name=cache", "dangling=true")).isFalse();
    }

    @Test
    void badFiltersAreRefused() {
        assertThatThrownBy(() -> matches(false, "colour=red")).isInstanceOf(EngineException.class)
                .hasMessage("invalid filter 'colour'");
        assertThatThrownBy(() -> matches(false, "dangling")).hasMessage("bad format of filter (expected name=value)");
        assertThatThrownBy(() -> matches(false, "dangling=maybe")).hasMessage("invalid filter 'dangling=maybe'");
    }
}
