package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input and failures half way: one clear line, exit 125, and nothing left behind. */
class FailureIT extends ContainerTest {

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(List.of("run", "--rootfs", "/no/such/dir", "true"), "rootfs /no/such/dir: no such directory"),
                Arguments.of(List.of("run", "--rootfs", "/etc/hostname", "true"), "rootfs /etc/hostname: not a directory"),
                Arguments.of(List.of("run", "--rootfs", "ROOTFS"), "no command specified"),
                Arguments.of(List.of("run"), "run needs an IMAGE or --rootfs DIR"),
                Arguments.of(List.of("run", "-e", "=x", "--rootfs", "ROOTFS", "true"), "invalid environment variable: =x"),
                Arguments.of(List.of("run", "--bogus", "--rootfs", "ROOTFS", "true"),
                        "unknown flag: --bogus (see 'minicontainer run --help')"),
                Arguments.of(List.of("run", "--env-file", "/no/such/file", "--rootfs", "ROOTFS", "true"),
                        "open /no/such/file: no such file or directory"),
                Arguments.of(List.of("run", "-w", "relative", "--rootfs", "ROOTFS", "true"),
                        "the working directory 'relative' is invalid, it needs to be an absolute path"),
                Arguments.of(List.of("run", "--name", "-bad", "--rootfs", "ROOTFS", "true"),
                        "invalid container name \"-bad\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed"),
                Arguments.of(List.of("run", "--network", "nowhere", "--rootfs", "ROOTFS", "true"),
                        "network nowhere not found"),
                Arguments.of(List.of("nosuchcommand"), "unknown command \"nosuchcommand\" (see 'minicontainer --help')"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputGetsOneLineAndExit125AndLeavesNothing(List<String> args, String message) throws IOException {
        Cli.Result result = cli.run(args.stream().map(a -> a.equals("ROOTFS") ? rootfs.toString() : a)
                .toArray(String[]::new));
        assertThat(result.exitCode()).isEqualTo(125);
        assertThat(result.stderr()).isEqualTo("minicontainer: " + message + "\n");
        assertThat(Leftovers.records(root)).isEmpty();
    }

    @Test
    void aStepFailingInsideTheContainerIsReportedAndRolledBack() throws IOException {
        Path broken = BusyboxRootfs.create(Files.createDirectory(root.resolve("broken")));
        Files.writeString(broken.resolve("proc"), "a file where /proc should be a directory");
        Cli.Result result = cli.run("run", "--name", "broken", "--rootfs", broken.toString(), "true");
        assertThat(result.exitCode()).isEqualTo(125);
        assertThat(result.stderr()).isEqualTo("minicontainer: mkdir /proc: Not a directory\n");
        assertThat(Leftovers.records(root)).isEmpty();
    }

    @Test
    void aMountPointThatCannotBeCreatedIsReportedAndRolledBack() throws IOException {
        Path broken = BusyboxRootfs.create(Files.createDirectory(root.resolve("broken")));
        Files.createDirectories(broken.resolve("etc/hosts"));
        Cli.Result result = cli.run("run", "--rootfs", broken.toString(), "true");
        assertThat(result.exitCode()).isEqualTo(125);
        assertThat(result.stderr()).isEqualTo("minicontainer: create mount point /etc/hosts: Is a directory\n");
        assertThat(Leftovers.records(root)).isEmpty();
    }

    @Test
    void aNameIsTakenOnlyOnce() throws IOException {
        assertThat(cli.run(runArgsKept("--name", "web", "true")).exitCode()).isZero();
        Cli.Result second = cli.run(runArgsKept("--name", "web", "true"));
        assertThat(second.exitCode()).isEqualTo(125);
        assertThat(second.stderr()).isEqualTo("minicontainer: the container name \"web\" is already in use\n");
        assertThat(Leftovers.records(root)).hasSize(3).contains("names/web");
    }

    @Test
    void rmRemovesTheContainerAndItsNameWithoutRmTheyStay() throws IOException {
        assertThat(sh("true", "--name", "gone").exitCode()).isZero();
        assertThat(Leftovers.records(root)).isEmpty();
        assertThat(cli.run(runArgsKept("--name", "kept", "true")).exitCode()).isZero();
        assertThat(Leftovers.records(root)).hasSize(3).contains("names/kept");
    }

    @Test
    void aFailedStartIsRemovedEvenWithoutRm() throws IOException {
        Cli.Result result = cli.run(runArgsKept("--name", "nocmd", "no-such-command"));
        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(Leftovers.records(root)).isEmpty();
    }

    @Test
    void containersStartedTogetherGetTheirOwnIdsAndNames() throws IOException {
        List<Cli.Running> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(cli.start(runArgsKept("sh", "-c", "hostname")));
        }
        List<String> hostnames = runs.stream().map(Cli.Running::await).peek(r -> assertThat(r.exitCode()).isZero())
                .map(r -> r.stdout().strip()).toList();
        assertThat(hostnames).doesNotHaveDuplicates().hasSize(6);
        assertThat(Leftovers.records(root)).hasSize(18);
    }

    private static String[] runArgsKept(String... rest) {
        List<String> args = new ArrayList<>(List.of("run", "--rootfs", rootfs.toString()));
        args.addAll(List.of(rest));
        return args.toArray(String[]::new);
    }
}
