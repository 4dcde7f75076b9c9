package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.engine.ImageRunConfig.Overrides;
import io.minicontainer.engine.ImageRunConfig.Process;
import io.minicontainer.oci.ImageSpec.RunConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The entrypoint/command matrix is in {@link ImageRunConfigArgsTest}. */
class ImageRunConfigTest {
    private static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static RunConfig image(String user, List<String> env, String workingDir) {
        return new RunConfig(user, env, null, List.of("sh"), workingDir, List.of(), Map.of(), "");
    }

    private static Overrides overrides(List<String> env, Optional<String> workdir, Optional<String> user) {
        return new Overrides(List.of(), Optional.empty(), env, workdir, user);
    }

    private static Process apply(RunConfig image, Overrides overrides) {
        return ImageRunConfig.apply(image, overrides, ImageFiles.STANDARD);
    }

    @Test
    void plainImageRunsAsRootInSlashWithDockersEnvironment() {
        Process process = apply(image("", List.of(), ""), Overrides.none());

        assertThat(process).isEqualTo(new Process(List.of("sh"), List.of(DEFAULT_PATH, "HOME=/root"), "/", 0, 0,
                List.of(10L)));
    }

    // environment

    @Test
    void imageEnvComesFirstThenDefaultPathWhenTheImageHasNone() {
        Process process = apply(image("", List.of("A=1", "B=2"), ""), Overrides.none());

        assertThat(process.env()).containsExactly("A=1", "B=2", DEFAULT_PATH, "HOME=/root");
    }

    @Test
    void imagePathReplacesTheDefault() {
        Process process = apply(image("", List.of("PATH=/opt/bin:/bin", "A=1"), ""), Overrides.none());

        assertThat(process.env()).containsExactly("PATH=/opt/bin:/bin", "A=1", "HOME=/root");
    }

    @Test
    void userEntriesReplaceSameNamesInPlaceAndAppendTheRest() {
        Overrides overrides = overrides(List.of("B=3", "C=4", "PATH=/mine"), Optional.empty(), Optional.empty());

        Process process = apply(image("", List.of("A=1", "B=2"), ""), overrides);

        assertThat(process.env()).containsExactly("A=1", "B=3", "PATH=/mine", "C=4", "HOME=/root");
    }

    @Test
    void valuesKeepTheirEqualsSigns() {
        Overrides overrides = overrides(List.of("OPTS=-Da=b"), Optional.empty(), Optional.empty());

        assertThat(apply(image("", List.of("X=a=b"), ""), overrides).env()).contains("X=a=b", "OPTS=-Da=b");
    }

    @Test
    void imageEntriesWithoutAValueAreDropped() {
        assertThat(apply(image("", List.of("JUNK", "A=1"), ""), Overrides.none()).env())
                .containsExactly("A=1", DEFAULT_PATH, "HOME=/root");
    }

    @Test
    void homeComesFromTheResolvedUsersEntry() {
        Overrides asApp = overrides(List.of(), Optional.empty(), Optional.of("app"));

        assertThat(apply(image("", List.of(), ""), asApp).env()).contains("HOME=/home/app");
        assertThat(apply(image("www-data", List.of(), ""), Overrides.none()).env()).contains("HOME=/var/www");
    }

    @Test
    void homeIsSlashForAUserWithoutEntry() {
        Overrides asNumber = overrides(List.of(), Optional.empty(), Optional.of("4242"));

        assertThat(apply(image("", List.of(), ""), asNumber).env()).containsExactly(DEFAULT_PATH, "HOME=/");
    }

    @Test
    void homeSetByImageOrUserIsKept() {
        Overrides userHome = overrides(List.of("HOME=/mine"), Optional.empty(), Optional.empty());

        assertThat(apply(image("", List.of("HOME=/img"), ""), Overrides.none()).env())
                .containsExactly("HOME=/img", DEFAULT_PATH);
        assertThat(apply(image("", List.of("HOME=/img"), ""), userHome).env())
                .containsExactly("HOME=/mine", DEFAULT_PATH);
    }

    // working directory

    @Test
    void workdirOptionWinsOverTheImages() {
        Overrides workdir = overrides(List.of(), Optional.of("/tmp"), Optional.empty());

        assertThat(apply(image("", List.of(), "/srv/app"), workdir).cwd()).isEqualTo("/tmp");
    }

    @Test
    void imageWorkingDirIsUsedWhenTheUserSetsNone() {
        assertThat(apply(image("", List.of(), "/srv/app"), Overrides.none()).cwd()).isEqualTo("/srv/app");
    }

    @Test
    void relativeImageWorkingDirIsMadeAbsolute() {
        assertThat(apply(image("", List.of(), "app"), Overrides.none()).cwd()).isEqualTo("/app");
    }

    @Test
    void workingDirIsCleaned() {
        assertThat(ImageRunConfig.clean("/srv/./app//data/../")).isEqualTo("/srv/app");
        assertThat(ImageRunConfig.clean("/../..")).isEqualTo("/");
        assertThat(ImageRunConfig.clean("/")).isEqualTo("/");
    }

    @Test
    void relativeWorkdirOptionIsAnError() {
        Overrides relative = overrides(List.of(), Optional.of("tmp"), Optional.empty());

        assertThatThrownBy(() -> apply(image("", List.of(), ""), relative)).isInstanceOf(EngineException.class)
                .hasMessage("the working directory 'tmp' is invalid, it needs to be an absolute path");
    }

    // user

    @Test
    void imageUserIsUsed() {
        Process process = apply(image("app", List.of(), ""), Overrides.none());

        assertThat(List.of(process.uid(), process.gid())).containsExactly(1000L, 1000L);
        assertThat(process.additionalGids()).containsExactly(10L, 50L, 999L);
    }

    @Test
    void userOptionWinsOverTheImages() {
        Overrides asDaemon = overrides(List.of(), Optional.empty(), Optional.of("daemon:staff"));

        Process process = apply(image("app", List.of(), ""), asDaemon);

        assertThat(List.of(process.uid(), process.gid())).containsExactly(1L, 50L);
        assertThat(process.additionalGids()).isEmpty();
    }

    @Test
    void emptyUserOptionMeansRootEvenOverTheImagesUser() {
        Overrides asRoot = overrides(List.of(), Optional.empty(), Optional.of(""));

        assertThat(apply(image("app", List.of(), ""), asRoot).uid()).isZero();
    }

    @Test
    void unknownImageUserIsAnError() {
        assertThatThrownBy(() -> apply(image("ghost", List.of(), ""), Overrides.none()))
                .isInstanceOf(EngineException.class)
                .hasMessage("unable to find user ghost: no matching entries in passwd file");
    }
}
