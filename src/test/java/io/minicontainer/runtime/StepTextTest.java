package io.minicontainer.runtime;

import static io.minicontainer.runtime.Compiling.ROOTFS;
import static io.minicontainer.runtime.Compiling.inRootfs;
import static io.minicontainer.runtime.MountOptions.MS_BIND;
import static io.minicontainer.runtime.MountOptions.MS_NODEV;
import static io.minicontainer.runtime.MountOptions.MS_NOEXEC;
import static io.minicontainer.runtime.MountOptions.MS_NOSUID;
import static io.minicontainer.runtime.MountOptions.MS_PRIVATE;
import static io.minicontainer.runtime.MountOptions.MS_RDONLY;
import static io.minicontainer.runtime.MountOptions.MS_REC;
import static io.minicontainer.runtime.MountOptions.MS_REMOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepTextTest {
    private static final Plan PLAN = new Plan(ROOTFS, List.of());

    private static String describe(Step step) {
        return step.describe(PLAN);
    }

    private static String command(Step step) {
        return StepText.command(step, PLAN);
    }

    @Test
    void mountUnderTheRootfsIsDescribedWithTheContainerPath() {
        assertThat(describe(new Step.Mount("proc", inRootfs("/proc"), "proc", MS_NOSUID, ""))).isEqualTo("mount proc on /proc");
    }

    @Test
    void mountOnTheRootfsIsDescribedAsTheRoot() {
        assertThat(describe(new Step.Mount("overlay", ROOTFS, "overlay", 0, "lowerdir=/l"))).isEqualTo("mount overlay on /");
    }

    @Test
    void readOnlyRemountSaysSo() {
        assertThat(describe(new Step.Mount("", "/proc/sys", "", MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID, "")))
                .isEqualTo("remount /proc/sys read-only");
    }

    @Test
    void writableRemountIsJustARemount() {
        assertThat(describe(new Step.Mount("", inRootfs("/data"), "", MS_BIND | MS_REMOUNT | MS_NOSUID, "")))
                .isEqualTo("remount /data");
    }

    @Test
    void bindMountNamesItsHostSourceAndContainerTarget() {
        assertThat(describe(new Step.Mount("/c1/hosts", inRootfs("/etc/hosts"), "", MS_BIND, "")))
                .isEqualTo("bind mount /c1/hosts on /etc/hosts");
    }

    @Test
    void propagationChangeNamesItsFlags() {
        assertThat(describe(new Step.Mount("", "/", "", MS_REC | MS_PRIVATE, ""))).isEqualTo("make / rec,private");
        assertThat(describe(new Step.Mount("", inRootfs("/etc/hosts"), "", MS_PRIVATE, "")))
                .isEqualTo("make /etc/hosts private");
    }

    @Test
    void fileSystemStepsUseContainerPaths() {
        assertThat(describe(new Step.Mkdir(inRootfs("/proc"), 0755))).isEqualTo("mkdir /proc");
        assertThat(describe(new Step.Touch(inRootfs("/etc/hosts"), 0644))).isEqualTo("create mount point /etc/hosts");
        assertThat(describe(new Step.Mknod(inRootfs("/dev/null"), 0666, 1, 3))).isEqualTo("mknod /dev/null");
        assertThat(describe(new Step.Symlink("/proc/self/fd", inRootfs("/dev/fd"))))
                .isEqualTo("symlink /dev/fd -> /proc/self/fd");
    }

    @Test
    void pathsOutsideTheRootfsAreShownAsTheyAre() {
        assertThat(describe(new Step.Mkdir(ROOTFS + "-other/x", 0755))).isEqualTo("mkdir " + ROOTFS + "-other/x");
    }

    @Test
    void processStepsAreDescribed() {
        assertThat(describe(new Step.Clone(List.of(Namespace.MOUNT, Namespace.PID))))
                .isEqualTo("create namespaces (clone CLONE_NEWNS|CLONE_NEWPID)");
        assertThat(describe(new Step.Umask(0022))).isEqualTo("umask 0022");
        assertThat(describe(new Step.OpenStdin("/dev/null"))).isEqualTo("open /dev/null as stdin");
        assertThat(describe(new Step.Exec(List.of("sh", "-c", "x"), List.of()))).isEqualTo("exec: \"sh\"");
    }

    @Test
    void mountCommandShowsTypeOptionsSourceAndRootfsRelativeTarget() {
        assertThat(command(new Step.Mount("proc", inRootfs("/proc"), "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, "")))
                .isEqualTo("mount -t proc -o nosuid,nodev,noexec proc $ROOTFS/proc");
    }

    @Test
    void mountCommandJoinsFlagsAndData() {
        assertThat(command(new Step.Mount("tmpfs", inRootfs("/dev"), "tmpfs", MS_NOSUID, "mode=755")))
                .isEqualTo("mount -t tmpfs -o nosuid,mode=755 tmpfs $ROOTFS/dev");
    }

    @Test
    void rootfsSelfBindIsShownWithRootfsVariable() {
        assertThat(command(new Step.Mount(ROOTFS, ROOTFS, "", MS_BIND | MS_REC, "")))
                .isEqualTo("mount -o bind,rec $ROOTFS $ROOTFS");
    }

    @Test
    void propagationCommandIsMountMakeR() {
        assertThat(command(new Step.Mount("", "/", "", MS_REC | MS_PRIVATE, ""))).isEqualTo("mount --make-rprivate /");
        assertThat(command(new Step.Mount("", "/x", "", MS_PRIVATE, ""))).isEqualTo("mount --make-private /x");
    }

    @Test
    void deviceAndLinkCommands() {
        assertThat(command(new Step.Mknod(inRootfs("/dev/tty"), 0666, 5, 0)))
                .isEqualTo("mknod -m 0666 $ROOTFS/dev/tty c 5 0");
        assertThat(command(new Step.Symlink("pts/ptmx", inRootfs("/dev/ptmx"))))
                .isEqualTo("ln -s pts/ptmx $ROOTFS/dev/ptmx");
        assertThat(command(new Step.PivotRoot(ROOTFS))).isEqualTo("pivot_root $ROOTFS; umount -l /old-root");
    }

    @Test
    void execCommandQuotesArgumentsAShellWouldSplit() {
        assertThat(command(new Step.Exec(List.of("sh", "-c", "echo 'hi' $HOME", ""), List.of())))
                .isEqualTo("exec sh -c 'echo '\\''hi'\\'' $HOME' ''");
    }

    @Test
    void execCommandLeavesPlainArgumentsUnquoted() {
        assertThat(command(new Step.Exec(List.of("/bin/ls", "-l", "--color=auto", "a,b:c@d%e+f"), List.of())))
                .isEqualTo("exec /bin/ls -l --color=auto a,b:c@d%e+f");
    }

    @Test
    void capabilitiesCommandShowsEverySetInHex() {
        assertThat(command(new Step.Capabilities(1, 2, 0, 0))).isEqualTo(
                "capset(effective=0000000000000001, permitted=0000000000000002, inheritable=0000000000000000);"
                        + " ambient=0000000000000000");
        assertThat(command(new Step.Bounding(0xa80425fbL))).isEqualTo("drop from the bounding set all but 00000000a80425fb");
    }
}
