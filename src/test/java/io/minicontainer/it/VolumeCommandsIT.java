package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The volume commands, and runs whose mounts are refused or fail: one line, and nothing left behind. */
class VolumeCommandsIT extends ContainerTest {
    private static final String MISSING = "/nonexistent-minicontainer-source";
    private static final String PROMPT = "WARNING! This will remove anonymous local volumes not used by at least one"
            + " container.\nAre you sure you want to continue? [y/N] ";

    static Stream<Arguments> badMounts() {
        return Stream.of(
                Arguments.of(List.of("-v", "foo/bar:/x"), "create foo/bar: \"foo/bar\" includes invalid characters for a"
                        + " local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a"
                        + " host directory, use absolute path"),
                Arguments.of(List.of("-v", "v1:relative"), "invalid volume specification: 'v1:relative': invalid mount"
                        + " config for type \"volume\": invalid mount path: 'relative' mount path must be absolute"),
                Arguments.of(List.of("-v", "/tmp:/x", "-v", "v1:/x"), "Duplicate mount point: /x"),
                Arguments.of(List.of("--mount", "type=bind,src=/tmp,dst=/x,colour=red"),
                        "invalid argument \"type=bind,src=/tmp,dst=/x,colour=red\" for \"--mount\" flag: unexpected key"
                                + " 'colour' in 'colour=red'"),
                Arguments.of(List.of("--tmpfs", "/t:bogus"), "invalid tmpfs option [\"bogus\"]"),
                Arguments.of(List.of("-v", "early:/a", "--mount", "type=bind,src=" + MISSING + ",dst=/b"),
                        "invalid mount config for type \"bind\": bind source path does not exist: " + MISSING));
    }

    @ParameterizedTest
    @MethodSource("badMounts")
    void aBadMountIsOneLineExit125AndLeavesNoContainerAndNoVolume(List<String> flags, String message) throws IOException {
        Cli.Result result = cli.run(runArgs(flags.toArray(String[]::new), "true"));
        assertThat(result.exitCode()).isEqualTo(125);
        assertThat(result.stderr()).isEqualTo("minicontainer: " + message + "\n");
        assertThat(Leftovers.records(root)).isEmpty();
        assertThat(volumes()).isEmpty();
    }

    @Test
    void aContainerThatCannotStartTakesItsAnonymousVolumesAndKeepsNamedOnesAsDocker() throws IOException {
        Cli.Result result = cli.run("run", "--rootfs", rootfs.toString(), "-v", "named:/n", "-v", "/anon", "nosuchcommand");
        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(Leftovers.records(root)).isEmpty();
        assertThat(volumes()).containsExactly("named");
    }

    @Test
    void createListInspectRemove() {
        assertThat(cli.run("volume", "create", "--label", "team=a", "v1").stdout()).isEqualTo("v1\n");
        assertThat(cli.run("volume", "create", "v1").stdout()).isEqualTo("v1\n");
        String generated = cli.run("volume", "create").stdout().strip();
        assertThat(generated).matches("[0-9a-f]{64}");

        assertThat(cli.run("volume", "ls").stdout()).isEqualTo("DRIVER   VOLUME NAME\nlocal    " + generated + "\nlocal    v1\n");
        Cli.Result inspect = cli.run("volume", "inspect", "v1", "nosuch");
        assertThat(inspect.exitCode()).isEqualTo(1);
        assertThat(inspect.stdout()).startsWith("[\n  {\n    \"CreatedAt\": ").contains("\"Driver\": \"local\"",
                "\"team\": \"a\"", "\"Mountpoint\": \"" + root.resolve("volumes/v1/_data") + "\"", "\"Name\": \"v1\"",
                "\"Options\": null", "\"Scope\": \"local\"");
        assertThat(inspect.stderr()).isEqualTo("Error: No such volume: nosuch\n");

        assertThat(cli.run("volume", "rm", "v1", generated).stdout()).isEqualTo("v1\n" + generated + "\n");
        Cli.Result missing = cli.run("volume", "rm", "v1");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).isEqualTo("minicontainer: get v1: no such volume\n");
        assertThat(cli.run("volume", "rm", "-f", "v1").exitCode()).isZero();
    }

    @Test
    void aVolumeInUseByAStoppedContainerStaysAndIsNotDangling() throws IOException {
        assertThat(cli.run("run", "--rootfs", rootfs.toString(), "-v", "used:/u", "true").exitCode()).isZero();
        String id = containerIds().getFirst();

        Cli.Result rm = cli.run("volume", "rm", "-f", "used");
        assertThat(rm.exitCode()).isEqualTo(1);
        assertThat(rm.stderr()).isEqualTo("minicontainer: remove used: volume is in use - [" + id + "]\n");
        assertThat(cli.run("volume", "ls", "-q", "--filter", "dangling=true").stdout()).isEmpty();
        assertThat(cli.run("volume", "prune", "-a", "-f").stdout()).isEqualTo("Total reclaimed space: 0B\n");
    }

    @Test
    void rmWithVolumesTakesTheContainersAnonymousVolumesButNotNamedOnes() throws IOException {
        assertThat(cli.run("run", "--name", "owner", "--rootfs", rootfs.toString(), "-v", "/anon", "-v", "kept:/named",
                "true").exitCode()).isZero();
        assertThat(volumes()).hasSize(2);
        assertThat(cli.run("rm", "-v", "owner").exitCode()).isZero();
        assertThat(volumes()).containsExactly("kept");
    }

    @Test
    void pruneAsksThenTakesUnusedAnonymousVolumesAndWithAllTheRest() throws IOException {
        cli.run("volume", "create", "named");
        assertThat(cli.run("run", "--rootfs", rootfs.toString(), "-v", "/anon", "sh", "-c", "echo x > /anon/f").exitCode())
                .isZero();
        String anonymous = volumes().stream().filter(n -> n.length() == 64).findFirst().orElseThrow();
        removeContainers();

        Cli.Result declined = cli.runWithInput("n\n", "volume", "prune");
        assertThat(declined.stdout()).isEqualTo(PROMPT + "\n"); // Cli ends every line it collects
        assertThat(volumes()).hasSize(2);

        Cli.Result accepted = cli.runWithInput("y\n", "volume", "prune");
        assertThat(accepted.stdout()).isEqualTo(PROMPT + "Deleted Volumes:\n" + anonymous + "\n\nTotal reclaimed space: 2B\n");
        assertThat(cli.run("volume", "prune", "--all", "--force").stdout())
                .isEqualTo("Deleted Volumes:\nnamed\n\nTotal reclaimed space: 0B\n");
        assertThat(volumes()).isEmpty();
    }

    @Test
    void twoClisCreatingOneVolumeAtOnceBothSucceed() {
        Cli.Running first = cli.start("volume", "create", "race");
        Cli.Running second = cli.start("volume", "create", "race");
        assertThat(first.await().exitCode()).isZero();
        assertThat(second.await().exitCode()).isZero();
        assertThat(cli.run("volume", "ls", "-q").stdout()).isEqualTo("race\n");
    }

    private List<String> volumes() throws IOException {
        return entries(root.resolve("volumes"));
    }

    private List<String> containerIds() throws IOException {
        return entries(root.resolve("containers")).stream().filter(name -> !name.startsWith(".")).toList();
    }

    private void removeContainers() {
        assertThat(cli.run("container", "prune", "-f").exitCode()).isZero();
    }

    private static List<String> entries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
