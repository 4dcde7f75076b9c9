package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GroupAddTest {
    private static final Function<String, Optional<String>> IMAGE = path -> Optional.ofNullable(
            Map.of("/etc/group", "audio:x:29:\n1234:x:77:\n").get(path));

    @Test
    void namesComeFromTheGroupFileAndNumbersStandForThemselves() {
        assertThat(GroupAdd.resolve(List.of("audio", "4000", "1234"), IMAGE)).containsExactly(29L, 4000L, 77L);
    }

    @Test
    void anUnknownNameIsDockersError() {
        assertThatThrownBy(() -> GroupAdd.resolve(List.of("video"), IMAGE)).isInstanceOf(EngineException.class)
                .hasMessage("Unable to find group video: no matching entries in group file");
        assertThatThrownBy(() -> GroupAdd.resolve(List.of("99999999999"), IMAGE))
                .hasMessage("uids and gids must be in range 0-2147483647");
    }

    @Test
    void addedGroupsFollowTheUsersOwnOnce() {
        assertThat(GroupAdd.merge(List.of(50L, 29L), List.of(29L, 4000L))).containsExactly(50L, 29L, 4000L);
        assertThat(GroupAdd.fromAnnotation(GroupAdd.annotation(List.of("a", "7")))).containsExactly("a", "7");
        assertThat(GroupAdd.fromAnnotation(null)).isEmpty();
    }
}
