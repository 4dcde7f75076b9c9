package io.minicontainer.runtime;

import static io.minicontainer.runtime.Compiling.CONTAINER_DIR;
import static io.minicontainer.runtime.Compiling.ROOTFS;
import static io.minicontainer.runtime.Compiling.inRootfs;
import static io.minicontainer.runtime.Compiling.indexOf;
import static io.minicontainer.runtime.Compiling.steps;
import static io.minicontainer.runtime.MountOptions.MS_BIND;
import static io.minicontainer.runtime.MountOptions.MS_NODEV;
import static io.minicontainer.runtime.MountOptions.MS_NOEXEC;
import static io.minicontainer.runtime.MountOptions.MS_NOSUID;
import static io.minicontainer.runtime.MountOptions.MS_PRIVATE;
import static io.minicontainer.runtime.MountOptions.MS_RDONLY;
import static io.minicontainer.runtime.MountOptions.MS_REC;
import static io.minicontainer.runtime.MountOptions.MS_REMOUNT;
import static io.minicontainer.runtime.MountOptions.MS_STRICTATIME;
import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.oci.Spec;
import io.minicontainer.oci.SpecBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plan's steps up to pivot_root and the masks after it; the process part is in PlanCompilerProcessTest. */
class PlanCompilerTest {
    private final Compiling compiling = new Compiling();

    @Test
    void typicalSpecCompilesToThisExactPlan() {
        Plan plan = compiling.typicalPlan();

        long caps = Capability.CHOWN.bit() | Capability.KILL.bit();
        assertThat(plan.rootfs()).isEqualTo(ROOTFS);
        assertThat(plan.steps()).containsExactly(
                new Step.Clone(List.of(Namespace.MOUNT, Namespace.UTS, Namespace.IPC, Namespace.PID, Namespace.NETWORK)),
                new Step.RemoveOnFailure(CONTAINER_DIR),
                new Step.SetSid(),
                new Step.ParentDeathSignal(9),
                new Step.Umask(0),
                new Step.Mount("", "/", "", MS_REC | MS_PRIVATE, ""),
                new Step.Mount(ROOTFS, ROOTFS, "", MS_BIND | MS_REC, ""),
                new Step.Mount("overlay", ROOTFS, "overlay", 0, SpecBuilder.OVERLAY_DATA),
                new Step.Mkdir(inRootfs("/proc"), 0755),
                new Step.Mount("proc", inRootfs("/proc"), "proc", MS_NOSUID | MS_NOEXEC | MS_NODEV, ""),
                new Step.PivotRoot(ROOTFS),
                new Step.Mount("/dev/null", "/proc/kcore", "", MS_BIND, ""),
                new Step.Mount("tmpfs", "/proc/acpi", "tmpfs", MS_RDONLY, ""),
                new Step.Mount("/proc/sys", "/proc/sys", "", MS_BIND | MS_REC, ""),
                new Step.Mount("", "/proc/sys", "", MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, ""),
                new Step.SetHostname("c1"),
                new Step.LinkUp("lo"),
                new Step.OpenStdin("/dev/null"),
                new Step.Bounding(caps),
                new Step.User(0, 0, List.of()),
                new Step.Chdir("/"),
                new Step.Umask(0022),
                new Step.Capabilities(caps, caps, 0, 0),
                new Step.Exec(SpecBuilder.ARGS, SpecBuilder.ENV));
    }

    @Test
    void cloneFlagsAreTheUnionOfTheSpecsNamespaces() {
        Plan plan = compiling.compile(SpecBuilder.spec().namespaces(SpecBuilder.namespaces("mount", "pid", "cgroup")));

        assertThat(steps(plan, Step.Clone.class).getFirst().flags()).isEqualTo(0x00020000L | 0x20000000L | 0x02000000L);
    }

    @Test
    void monitorStepsComeFirstAndSetsidStartsTheContainerSide() {
        compiling.options(new LaunchOptions(false, false, List.of("/a", "/b"), List.of("/c")));

        Plan plan = compiling.compile(SpecBuilder.spec());

        assertThat(plan.steps().subList(0, 5)).containsExactly(new Step.Clone(List.of(Namespace.MOUNT, Namespace.UTS,
                        Namespace.IPC, Namespace.PID, Namespace.NETWORK)), new Step.RemoveOnExit("/a"),
                new Step.RemoveOnExit("/b"), new Step.RemoveOnFailure("/c"), new Step.SetSid());
        assertThat(plan.steps().subList(0, 4)).noneMatch(Step::inContainer);
        assertThat(plan.steps().subList(4, plan.steps().size())).allMatch(Step::inContainer);
    }

    @Test
    void aContainerInACgroupEntersItBeforeGoThenUnsharesTheCgroupNamespaceFirstThing() {
        LaunchOptions.CgroupPaths cgroup = new LaunchOptions.CgroupPaths(
                List.of("/sys/fs/cgroup/memory/mc/c1/cgroup.procs", "/sys/fs/cgroup/pids/mc/c1/cgroup.procs"),
                Optional.of("/sys/fs/cgroup/memory/mc/c1/memory.oom_control"));
        compiling.options(new LaunchOptions(false, true, List.of(), List.of(), Optional.empty(),
                LaunchOptions.LogLimits.UNLIMITED, Optional.empty(), cgroup));

        Plan plan = compiling.compile(SpecBuilder.spec().namespaces(SpecBuilder.namespaces("mount", "pid", "cgroup")));

        assertThat(steps(plan, Step.Clone.class).getFirst().namespaces()).containsExactly(Namespace.MOUNT, Namespace.PID);
        assertThat(steps(plan, Step.CgroupProcs.class)).extracting(Step.CgroupProcs::procsFile)
                .containsExactlyElementsOf(cgroup.procsFiles());
        assertThat(steps(plan, Step.OomEvents.class)).containsExactly(new Step.OomEvents(cgroup.oomEvents().get()));
        Step firstInContainer = plan.steps().stream().filter(Step::inContainer).findFirst().orElseThrow();
        assertThat(firstInContainer).isEqualTo(new Step.Unshare(List.of(Namespace.CGROUP)));
        assertThat(firstInContainer.args()).containsExactly("0x2000000");
    }

    @Test
    void aNetworkNamespaceGivenByPathIsJoinedFirstAndReleasedByTheMonitorWhenOwned() {
        compiling.options(new LaunchOptions(false, true, List.of(), List.of(), Optional.empty(),
                LaunchOptions.LogLimits.UNLIMITED, Optional.empty(), LaunchOptions.CgroupPaths.NONE, List.of("/run/netns/c1")));

        Plan plan = compiling.compile(SpecBuilder.spec().namespaces(List.of(new Spec.Namespace("mount"),
                new Spec.Namespace("network", "/run/netns/c1"))));

        assertThat(steps(plan, Step.Clone.class).getFirst().namespaces()).containsExactly(Namespace.MOUNT);
        assertThat(plan.steps().stream().filter(Step::inContainer).findFirst())
                .contains(new Step.SetNs("/run/netns/c1", Namespace.NETWORK));
        assertThat(steps(plan, Step.NamespaceOnExit.class)).containsExactly(new Step.NamespaceOnExit("/run/netns/c1"));
        assertThat(new Step.NamespaceOnExit("/x").inContainer()).isFalse();
    }

    @Test
    void withoutACgroupTheCgroupNamespaceIsMadeAtClone() {
        Plan plan = compiling.compile(SpecBuilder.spec().namespaces(SpecBuilder.namespaces("mount", "cgroup")));

        assertThat(steps(plan, Step.Clone.class).getFirst().namespaces()).contains(Namespace.CGROUP);
        assertThat(steps(plan, Step.Unshare.class)).isEmpty();
    }

    @Test
    void noParentDeathSignalUnlessTheCallerAsks() {
        Plan plan = compiling.options(new LaunchOptions(false, false, List.of(), List.of())).compile(SpecBuilder.spec());

        assertThat(steps(plan, Step.ParentDeathSignal.class)).isEmpty();
    }

    @Test
    void trailingSlashOfTheRootPathIsIgnored() {
        Plan plan = compiling.compile(SpecBuilder.spec().rootPath(ROOTFS + "/"));

        assertThat(plan.rootfs()).isEqualTo(ROOTFS);
        assertThat(plan.steps()).contains(new Step.PivotRoot(ROOTFS), new Step.Mkdir(inRootfs("/proc"), 0755));
    }

    @Test
    void mountsOnlyWithAnOwnDevGetDevicesAndLinks() {
        Plan plan = compiling.compile(SpecBuilder.spec()
                .mount("/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k"));

        Step devMount = new Step.Mount("tmpfs", inRootfs("/dev"), "tmpfs", MS_NOSUID | MS_STRICTATIME, "mode=755,size=65536k");
        assertThat(steps(plan, Step.Mknod.class)).containsExactly(
                new Step.Mknod(inRootfs("/dev/null"), 0666, 1, 3), new Step.Mknod(inRootfs("/dev/zero"), 0666, 1, 5),
                new Step.Mknod(inRootfs("/dev/full"), 0666, 1, 7), new Step.Mknod(inRootfs("/dev/random"), 0666, 1, 8),
                new Step.Mknod(inRootfs("/dev/urandom"), 0666, 1, 9), new Step.Mknod(inRootfs("/dev/tty"), 0666, 5, 0));
        assertThat(steps(plan, Step.Symlink.class)).containsExactly(
                new Step.Symlink("/proc/self/fd", inRootfs("/dev/fd")),
                new Step.Symlink("/proc/self/fd/0", inRootfs("/dev/stdin")),
                new Step.Symlink("/proc/self/fd/1", inRootfs("/dev/stdout")),
                new Step.Symlink("/proc/self/fd/2", inRootfs("/dev/stderr")),
                new Step.Symlink("pts/ptmx", inRootfs("/dev/ptmx")));
        assertThat(indexOf(plan, devMount)).isPositive().isLessThan(indexOf(plan, steps(plan, Step.Mknod.class).getFirst()));
        assertThat(indexOf(plan, steps(plan, Step.Symlink.class).getLast()))
                .isLessThan(indexOf(plan, new Step.PivotRoot(ROOTFS)));
    }

    @Test
    void withoutAnOwnDevNoDevicesAreMade() {
        Plan plan = compiling.compile(SpecBuilder.spec());

        assertThat(steps(plan, Step.Mknod.class)).isEmpty();
        assertThat(steps(plan, Step.Symlink.class)).isEmpty();
    }

    @Test
    void fileBindMountGetsItsParentDirectoryAndAnEmptyFile() {
        compiling.file("/c1/hosts");

        Plan plan = compiling.compile(SpecBuilder.spec().mount("/etc/hosts", "bind", "/c1/hosts", "bind"));

        assertThat(plan.steps()).containsSubsequence(new Step.Mkdir(inRootfs("/etc"), 0755),
                new Step.Touch(inRootfs("/etc/hosts"), 0644),
                new Step.Mount("/c1/hosts", inRootfs("/etc/hosts"), "", MS_BIND, ""));
    }

    @Test
    void directoryBindMountGetsItsDirectory() {
        compiling.directory("/srv/data");

        Plan plan = compiling.compile(SpecBuilder.spec().mount("/data", "bind", "/srv/data", "rbind"));

        assertThat(plan.steps()).containsSubsequence(new Step.Mkdir(inRootfs("/data"), 0755),
                new Step.Mount("/srv/data", inRootfs("/data"), "", MS_BIND | MS_REC, ""));
        assertThat(steps(plan, Step.Touch.class)).isEmpty();
    }

    @Test
    void readOnlyBindMountIsBoundThenRemounted() {
        compiling.directory("/srv/data");

        Plan plan = compiling.compile(SpecBuilder.spec().mount("/data", "bind", "/srv/data", "rbind", "ro", "nosuid"));

        assertThat(plan.steps()).containsSubsequence(
                new Step.Mount("/srv/data", inRootfs("/data"), "", MS_BIND | MS_REC, ""),
                new Step.Mount("", inRootfs("/data"), "", MS_RDONLY | MS_NOSUID | MS_BIND | MS_REMOUNT, ""));
    }

    @Test
    void bindMountWithoutExtraFlagsIsNotRemounted() {
        compiling.directory("/srv/data");

        Plan plan = compiling.compile(SpecBuilder.spec().mount("/data", "bind", "/srv/data", "rbind"));

        assertThat(plan.steps()).noneMatch(s -> s instanceof Step.Mount m && (m.flags() & MS_REMOUNT) != 0);
    }

    @Test
    void propagationOptionIsASeparateStepAfterTheMount() {
        compiling.file("/c1/hosts");

        Plan plan = compiling.compile(SpecBuilder.spec().mount("/etc/hosts", "bind", "/c1/hosts", "rbind", "rprivate"));

        assertThat(plan.steps()).containsSubsequence(
                new Step.Mount("/c1/hosts", inRootfs("/etc/hosts"), "", MS_BIND | MS_REC, ""),
                new Step.Mount("", inRootfs("/etc/hosts"), "", MS_PRIVATE | MS_REC, ""));
    }

    @Test
    void masksAndReadOnlyPathsComeAfterPivotRoot() {
        Plan plan = compiling.typicalPlan();

        int pivot = indexOf(plan, new Step.PivotRoot(ROOTFS));
        assertThat(indexOf(plan, new Step.Mount("/dev/null", "/proc/kcore", "", MS_BIND, ""))).isGreaterThan(pivot);
        assertThat(indexOf(plan, new Step.Mount("/proc/sys", "/proc/sys", "", MS_BIND | MS_REC, ""))).isGreaterThan(pivot);
    }

    @Test
    void maskedPathsMissingOnTheHostAreSkipped() {
        Plan plan = compiling.typicalPlan();

        assertThat(plan.steps()).noneMatch(s -> s instanceof Step.Mount m && m.target().equals("/proc/asound"));
    }

    @Test
    void missingReadOnlyPathIsSkipped() {
        Plan plan = compiling.compile(SpecBuilder.spec().readonlyPaths("/proc/bus"));

        assertThat(plan.steps()).noneMatch(s -> s instanceof Step.Mount m && m.target().equals("/proc/bus"));
    }

    @Test
    void readOnlyRootIsRemountedAfterTheMasks() {
        Plan plan = compiling.file("/proc/kcore").compile(SpecBuilder.spec().maskedPaths("/proc/kcore").readonlyRoot());

        assertThat(plan.steps()).containsSubsequence(new Step.Mount("/dev/null", "/proc/kcore", "", MS_BIND, ""),
                new Step.Mount("", "/", "", MS_BIND | MS_REMOUNT | MS_RDONLY, ""));
    }

    @Test
    void writableRootIsNotRemounted() {
        Plan plan = compiling.compile(SpecBuilder.spec());

        assertThat(plan.steps()).doesNotContain(new Step.Mount("", "/", "", MS_BIND | MS_REMOUNT | MS_RDONLY, ""));
    }
}
