package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicontainer.TestHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the integration tests: real containers, as root, each test with its own data root and
 * a busybox root file system; after each test nothing may be left mounted or running.
 */
abstract class ContainerTest {
    @TempDir
    static Path shared;
    static Path rootfs;

    @TempDir
    Path root;
    Cli cli;

    @BeforeAll
    static void createRootfs() throws IOException {
        assumeTrue(TestHost.isRoot(), "integration tests run containers and need root");
        rootfs = BusyboxRootfs.create(Files.createDirectory(shared.resolve("rootfs")));
    }

    /** This test's own cgroup parent, so its containers' cgroups are told apart from anyone else's. */
    String cgroupParent;

    @BeforeEach
    void createCli() {
        cgroupParent = "mc-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        cli = new Cli(root, Map.of("FROM_CALLER", "caller-value", "MINICONTAINER_CGROUP_PARENT", cgroupParent));
    }

    @AfterEach
    void nothingLeftOnTheHost() throws IOException {
        assertThat(Leftovers.mounts(root)).as("mounts left").isEmpty();
        assertThat(Leftovers.processes(root)).as("processes left").isEmpty();
        assertThat(Leftovers.cgroups(cgroupParent)).as("cgroups left").isEmpty();
        assertThat(Leftovers.usedTheHostsDefaultBridge(root)).as("a container on the host's minicontainer0").isFalse();
        Leftovers.removeCgroupParent(cgroupParent);
    }

    /** {@code run --rm --rootfs ROOTFS [flags...] sh -c SCRIPT}. */
    Cli.Result sh(String script, String... flags) {
        return cli.run(runArgs(flags, "sh", "-c", script));
    }

    static String[] runArgs(String[] flags, String... command) {
        List<String> args = new ArrayList<>(List.of("run", "--rm", "--rootfs", rootfs.toString()));
        args.addAll(List.of(flags));
        args.addAll(List.of(command));
        return args.toArray(String[]::new);
    }
}
