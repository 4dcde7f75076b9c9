package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerUserTest {
    private static ContainerUser resolve(String spec) {
        return ContainerUser.resolve(spec, ImageFiles.STANDARD);
    }

    @Test
    void emptyIsRootWithRootsEntryAndGroups() {
        assertThat(resolve("")).isEqualTo(new ContainerUser(0, 0, List.of(10L), "/root"));
    }

    @Test
    void emptyWithoutPasswdIsRootWithHomeSlash() {
        assertThat(ContainerUser.resolve("", ImageFiles.NONE)).isEqualTo(new ContainerUser(0, 0, List.of(), "/"));
    }

    @Test
    void nameTakesUidGidHomeAndTheGroupsListingIt() {
        assertThat(resolve("app")).isEqualTo(new ContainerUser(1000, 1000, List.of(10L, 50L, 999L), "/home/app"));
    }

    @Test
    void primaryGroupIsNotRepeatedAmongTheAdditionalOnes() {
        assertThat(resolve("app").additionalGids()).doesNotContain(1000L);
    }

    @Test
    void uidWithAnEntryIsThatUser() {
        assertThat(resolve("1000")).isEqualTo(resolve("app"));
    }

    @Test
    void uidWithoutAnEntryRunsWithGidZeroAndHomeSlash() {
        assertThat(resolve("4242")).isEqualTo(new ContainerUser(4242, 0, List.of(), "/"));
        assertThat(ContainerUser.resolve("4242", ImageFiles.NONE)).isEqualTo(new ContainerUser(4242, 0, List.of(), "/"));
    }

    @Test
    void uidAndGidNeedNoEntries() {
        assertThat(ContainerUser.resolve("4242:4343", ImageFiles.NONE))
                .isEqualTo(new ContainerUser(4242, 4343, List.of(), "/"));
    }

    @Test
    void nameAndGroupTakeTheGroupAndNoAdditionalGroups() {
        assertThat(resolve("app:staff")).isEqualTo(new ContainerUser(1000, 50, List.of(), "/home/app"));
    }

    @Test
    void nameAndGid() {
        assertThat(resolve("app:4343")).isEqualTo(new ContainerUser(1000, 4343, List.of(), "/home/app"));
    }

    @Test
    void uidAndGroup() {
        assertThat(resolve("1000:wheel")).isEqualTo(new ContainerUser(1000, 10, List.of(), "/home/app"));
        assertThat(resolve("4242:staff")).isEqualTo(new ContainerUser(4242, 50, List.of(), "/"));
    }

    @Test
    void groupAloneKeepsRoot() {
        assertThat(resolve(":staff")).isEqualTo(new ContainerUser(0, 50, List.of(), "/root"));
    }

    @Test
    void trailingColonIsNoGroup() {
        assertThat(resolve("app:")).isEqualTo(resolve("app"));
    }

    @Test
    void firstEntryWinsWhenUidsRepeat() {
        assertThat(resolve("0").home()).isEqualTo("/root");
        assertThat(resolve("toor")).isEqualTo(new ContainerUser(0, 0, List.of(), "/toor"));
    }

    @Test
    void emptyHomeFieldIsSlash() {
        assertThat(resolve("nohome").home()).isEqualTo("/");
    }

    @Test
    void unknownNameIsAnError() {
        assertThatThrownBy(() -> resolve("nobody")).isInstanceOf(EngineException.class)
                .hasMessage("unable to find user nobody: no matching entries in passwd file");
    }

    @Test
    void nameWithoutPasswdFileIsTheSameError() {
        assertThatThrownBy(() -> ContainerUser.resolve("app", ImageFiles.NONE)).isInstanceOf(EngineException.class)
                .hasMessage("unable to find user app: no matching entries in passwd file");
    }

    @Test
    void unknownGroupIsAnError() {
        assertThatThrownBy(() -> resolve("app:nogroup")).isInstanceOf(EngineException.class)
                .hasMessage("unable to find group nogroup: no matching entries in group file");
    }

    @Test
    void groupNameWithoutGroupFileIsTheSameError() {
        var passwdOnly = ImageFiles.of(Map.of("/etc/passwd", ImageFiles.PASSWD));

        assertThatThrownBy(() -> ContainerUser.resolve("app:staff", passwdOnly)).isInstanceOf(EngineException.class)
                .hasMessage("unable to find group staff: no matching entries in group file");
    }

    @Test
    void nameWithoutGroupFileHasNoAdditionalGroups() {
        var passwdOnly = ImageFiles.of(Map.of("/etc/passwd", ImageFiles.PASSWD));

        assertThat(ContainerUser.resolve("app", passwdOnly)).isEqualTo(new ContainerUser(1000, 1000, List.of(), "/home/app"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "2147483648", "99999999999999999999", "0:-5"})
    void idsOutsideRuncsRangeAreAnError(String spec) {
        assertThatThrownBy(() -> resolve(spec)).isInstanceOf(EngineException.class)
                .hasMessage("uids and gids must be in range 0-2147483647");
    }

    @Test
    void largestIdIsAccepted() {
        assertThat(resolve("2147483647:2147483647")).isEqualTo(new ContainerUser(2147483647, 2147483647, List.of(), "/"));
    }
}
