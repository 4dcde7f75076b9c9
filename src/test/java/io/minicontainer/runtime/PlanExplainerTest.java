package io.minicontainer.runtime;

import static io.minicontainer.runtime.Compiling.ROOTFS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PlanExplainerTest {
    private final Plan plan = new Compiling().typicalHost().compile(Compiling.typical()
            .mount("/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k"));
    private final String text = PlanExplainer.explain(plan);

    private String lineStartingWith(String command) {
        return text.lines().filter(l -> l.startsWith(command)).findFirst().orElseThrow(
                () -> new AssertionError("no line starts with " + command + " in\n" + text));
    }

    @Test
    void startsWithAHeaderAndTheRootfs() {
        assertThat(text).startsWith("# Launch plan, compiled in Java from the container's config.json.\n")
                .contains("\nROOTFS=" + ROOTFS + "\n");
    }

    @Test
    void hasTheSectionsInPlanOrder() {
        assertThat(text.lines().filter(l -> l.startsWith("# ")).toList()).containsSubsequence(
                "# The monitor (the helper, forked into a session of its own by the CLI) creates the container process:",
                "# In the new namespaces, after the monitor says go:",
                "# Switch to the container's root; from here paths are the container's:");
    }

    @Test
    void explainsEveryCloneFlag() {
        Step.Clone clone = (Step.Clone) plan.steps().getFirst();

        for (Namespace ns : clone.namespaces()) {
            assertThat(text).containsPattern("(?m)^#\\s+" + ns.flagName() + "\\s+" + Pattern.quote(ns.isolates()) + "$");
        }
        assertThat(text).contains("clone(CLONE_NEWNS|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWPID|CLONE_NEWNET)");
    }

    @Test
    void showsRootfsPathsThroughTheVariable() {
        assertThat(text).contains("mount -t proc -o nosuid,nodev,noexec proc $ROOTFS/proc",
                "mknod -m 0666 $ROOTFS/dev/null c 1 3", "pivot_root $ROOTFS");
        assertThat(text.lines().filter(l -> l.contains(ROOTFS))).containsExactly("ROOTFS=" + ROOTFS);
    }

    @Test
    void everyStepIsOneCommandLine() {
        List<String> commands = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("ROOTFS="))
                .toList();

        assertThat(commands).hasSize(plan.steps().size());
        assertThat(commands.getLast()).startsWith("exec sh -c 'echo hi'");
    }

    @Test
    void commentsLineUpAtColumn64() {
        String proc = lineStartingWith("mount -t proc ");

        assertThat(proc.indexOf("# a /proc that lists only the container's processes")).isEqualTo(64);
    }

    @Test
    void explainsWhyTheUsualStepsAreThere() {
        assertThat(lineStartingWith("mount --make-rprivate /"))
                .endsWith("# mounts from here on never propagate to the host");
        assertThat(lineStartingWith("mount -o bind,rec $ROOTFS $ROOTFS"))
                .endsWith("# pivot_root needs the new root to be a mount point");
        assertThat(lineStartingWith("mount -o bind /dev/null /proc/kcore"))
                .endsWith("# masked: the container reads nothing here");
        assertThat(lineStartingWith("mount -t tmpfs -o ro tmpfs /proc/acpi"))
                .endsWith("# masked: an empty read-only directory");
        assertThat(lineStartingWith("ip link set lo up"))
                .endsWith("# a new network namespace starts with lo down");
    }

    @Test
    void stepsWithoutAReasonHaveNoComment() {
        assertThat(lineStartingWith("mkdir -p $ROOTFS/proc")).isEqualTo("mkdir -p $ROOTFS/proc");
    }
}
