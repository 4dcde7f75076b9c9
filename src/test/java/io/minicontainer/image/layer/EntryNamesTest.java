package io.minicontainer.image.layer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryNamesTest {

    @ParameterizedTest
    @CsvSource({
        "a, a", "./a, a", "/a, a", "a/, a", "./a/b/, a/b", "a//b, a/b", "a/./b, a/b", "a/b/../c, a/c",
        "/./a/../b, b", "'./', ''", "'/', ''", "'.', ''", "a/.., ''", "'', ''"
    })
    void normalizesTowardsTheLayerRoot(String name, String relative) {
        assertThat(EntryNames.normalize(name)).isEqualTo(relative);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../x", "a/../../x", "/../x", "./a/b/../../../x", "a/../b/../.."})
    void climbingAboveTheRootHasNoName(String name) {
        assertThat(EntryNames.normalize(name)).isNull();
    }

    @Test
    void parentBaseAndChild() {
        assertThat(EntryNames.parent("a/b/c")).isEqualTo("a/b");
        assertThat(EntryNames.parent("a")).isEmpty();
        assertThat(EntryNames.base("a/b/c")).isEqualTo("c");
        assertThat(EntryNames.base("a")).isEqualTo("a");
        assertThat(EntryNames.child("", "a")).isEqualTo("a");
        assertThat(EntryNames.child("a/b", "c")).isEqualTo("a/b/c");
    }
}
