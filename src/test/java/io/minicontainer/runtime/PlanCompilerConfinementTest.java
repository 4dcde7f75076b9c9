package io.minicontainer.runtime;

import static io.minicontainer.runtime.Compiling.inRootfs;
import static io.minicontainer.runtime.Compiling.steps;
import static io.minicontainer.runtime.MountOptions.MS_BIND;
import static io.minicontainer.runtime.MountOptions.MS_RDONLY;
import static io.minicontainer.runtime.MountOptions.MS_REMOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.oci.Spec;
import io.minicontainer.oci.SpecBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plan's part of --read-only, --ulimit and --device. */
class PlanCompilerConfinementTest {
    private static final Spec.Rlimit NOFILE = new Spec.Rlimit("RLIMIT_NOFILE", 2048, 1024);
    private final Compiling compiling = new Compiling();

    @Test
    void limitsAreSetAsRootBeforeTheBoundingSetAndTheUser() {
        Plan plan = compiling.compile(SpecBuilder.spec().rlimits(NOFILE, new Spec.Rlimit("RLIMIT_CORE", -1, -1)));

        assertThat(plan.steps()).containsSubsequence(new Step.Rlimit(RlimitType.RLIMIT_NOFILE, 1024, 2048),
                new Step.Rlimit(RlimitType.RLIMIT_CORE, -1, -1), new Step.Bounding(0x20L | 0x1L), new Step.User(0, 0, List.of()));
        assertThat(steps(plan, Step.Rlimit.class).getLast().args()).containsExactly("4", "18446744073709551615",
                "18446744073709551615");
    }

    @Test
    void execProcessesGetTheSameLimits() {
        Plan plan = PlanCompiler.compileExec(SpecBuilder.spec().rlimits(NOFILE).build(), new ExecOptions(4242, 99,
                List.of("sh"), List.of(), Optional.empty(), Optional.empty(), false, false, "/run/exec.plan", List.of()));

        assertThat(plan.steps()).containsSubsequence(new Step.Rlimit(RlimitType.RLIMIT_NOFILE, 1024, 2048),
                new Step.Bounding(0x20L | 0x1L));
    }

    @Test
    void anUnknownLimitIsASpecError() {
        assertThatThrownBy(() -> compiling.compile(SpecBuilder.spec().rlimits(new Spec.Rlimit("RLIMIT_FOO", 1, 1))))
                .hasMessage("process.rlimits: unknown type RLIMIT_FOO");
    }

    @Test
    void aReadOnlyRootIsRemountedAfterTheWorkingDirectoryIsMade() {
        Plan plan = compiling.compile(SpecBuilder.spec().cwd("/app").readonlyRoot());

        assertThat(plan.steps()).containsSubsequence(new Step.Mkdir("/app", 0755),
                new Step.Mount("", "/", "", MS_BIND | MS_REMOUNT | MS_RDONLY, ""), new Step.Chdir("/app"));
    }

    @Test
    void devicesAreMadeInTheirDirectoryWithTheHostsOwnerAndReplaceADefaultOfTheSamePath() {
        Plan plan = compiling.compile(SpecBuilder.spec().mount("/dev", "tmpfs", "tmpfs").devices(
                new Spec.Device("/dev/disks/sda", "b", 8, 0, 0660, 0, 6), new Spec.Device("/dev/null", "c", 1, 3, 0600, 0, 0)));

        List<Step.Mknod> nodes = steps(plan, Step.Mknod.class);
        assertThat(nodes).contains(new Step.Mknod(inRootfs("/dev/disks/sda"), 'b', 0660, 8, 0, 0, 6),
                new Step.Mknod(inRootfs("/dev/null"), 'c', 0600, 1, 3, 0, 0), new Step.Mknod(inRootfs("/dev/zero"), 0666, 1, 5));
        assertThat(nodes).filteredOn(node -> node.path().equals(inRootfs("/dev/null"))).hasSize(1);
        assertThat(plan.steps()).containsSubsequence(new Step.Mkdir(inRootfs("/dev/disks"), 0755),
                new Step.Mknod(inRootfs("/dev/disks/sda"), 'b', 0660, 8, 0, 0, 6));
        assertThat(nodes.getFirst().args()).containsExactly(inRootfs("/dev/zero"), "020666", "1", "5");
        assertThat(new Step.Mknod("/x", 'b', 0660, 8, 0, 0, 6).args()).containsExactly("/x", "060660", "8", "0", "0", "6");
    }

    @Test
    void explainShowsTheLimitsTheReadOnlyRootAndABlockDevice() {
        String text = PlanExplainer.explain(compiling.compile(SpecBuilder.spec().readonlyRoot().rlimits(NOFILE,
                new Spec.Rlimit("RLIMIT_CORE", -1, -1)).devices(new Spec.Device("/dev/sda", "b", 8, 0, 0660, 0, 6))));

        assertThat(text).contains("prlimit --nofile=1024:2048", "prlimit --core=unlimited:unlimited",
                "mknod -m 0660 $ROOTFS/dev/sda b 8 0; chown 0:6 $ROOTFS/dev/sda", "mount -o ro,remount,bind /",
                "# --read-only: the root alone; what is mounted on it stays writable");
    }

    @Test
    void aDevicePathThatClimbsIsASpecError() {
        assertThatThrownBy(() -> compiling.compile(SpecBuilder.spec().devices(
                new Spec.Device("/dev/../etc/x", "c", 1, 3, 0666, 0, 0))))
                .hasMessage("linux.devices: path /dev/../etc/x must be absolute, without '..'");
    }
}
