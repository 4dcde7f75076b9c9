package io.minicontainer.runtime;

import static io.minicontainer.runtime.Compiling.inRootfs;
import static io.minicontainer.runtime.MountAttributes.MOUNT_ATTR_NOEXEC;
import static io.minicontainer.runtime.MountAttributes.MOUNT_ATTR_NOSUID;
import static io.minicontainer.runtime.MountAttributes.MOUNT_ATTR_RDONLY;
import static io.minicontainer.runtime.MountOptions.MS_BIND;
import static io.minicontainer.runtime.MountOptions.MS_PRIVATE;
import static io.minicontainer.runtime.MountOptions.MS_RDONLY;
import static io.minicontainer.runtime.MountOptions.MS_REC;
import static io.minicontainer.runtime.MountOptions.MS_REMOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.oci.SpecBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OCI spec's recursive options (rro): a mount_setattr step after the mount, never mount data. */
class RecursiveAttributesTest {
    private final Compiling compiling = new Compiling().directory("/srv/data");

    @Test
    void rroIsAppliedToTheWholeTreeAfterTheBindItsRemountAndItsPropagation() {
        Plan plan = compiling.compile(SpecBuilder.spec().mount("/data", "bind", "/srv/data", "rbind", "rprivate", "ro", "rro"));

        String target = inRootfs("/data");
        int bind = plan.steps().indexOf(new Step.Mount("/srv/data", target, "", MS_BIND | MS_REC, ""));
        assertThat(plan.steps().subList(bind, bind + 4)).containsExactly(
                new Step.Mount("/srv/data", target, "", MS_BIND | MS_REC, ""),
                new Step.Mount("", target, "", MS_RDONLY | MS_BIND | MS_REMOUNT, ""),
                new Step.Mount("", target, "", MS_PRIVATE | MS_REC, ""),
                new Step.SetMountAttributes(target, MOUNT_ATTR_RDONLY, 0));
    }

    @Test
    void withoutRecursiveOptionsThereIsNoSuchStep() {
        Plan plan = compiling.compile(SpecBuilder.spec().mount("/data", "bind", "/srv/data", "rbind", "ro"));

        assertThat(Compiling.steps(plan, Step.SetMountAttributes.class)).isEmpty();
    }

    @Test
    void recursiveOptionsAreNoMountData() {
        assertThat(MountOptions.parse(List.of("rbind", "ro", "rro", "rnosuid"))).isEqualTo(
                new MountOptions(MS_BIND | MS_REC | MS_RDONLY, 0, ""));
    }

    @Test
    void theLaterOfTwoOppositeOptionsWins() {
        assertThat(MountAttributes.recursive(List.of("rro", "rnosuid", "rrw", "rexec")))
                .isEqualTo(new MountAttributes(MOUNT_ATTR_NOSUID, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOEXEC));
        assertThat(MountAttributes.recursive(List.of("ro", "nosuid")).isEmpty()).isTrue();
    }

    @Test
    void describedForErrorsAndExplainedAsTheSyscall() {
        Plan plan = new Plan(Compiling.ROOTFS, List.of());
        Step.SetMountAttributes readOnly = new Step.SetMountAttributes(inRootfs("/data"), MOUNT_ATTR_RDONLY, 0);

        assertThat(readOnly.describe(plan)).isEqualTo("make /data and the mounts below it ro");
        assertThat(new Step.SetMountAttributes(inRootfs("/data"), 0, MOUNT_ATTR_NOSUID).describe(plan))
                .isEqualTo("change the attributes of /data and the mounts below it");
        assertThat(StepText.command(readOnly, plan)).isEqualTo("mount_setattr($ROOTFS/data, AT_RECURSIVE, set=ro, clear=none)");
        assertThat(readOnly.args()).containsExactly(inRootfs("/data"), "0x1", "0x0");
        assertThat(readOnly.op()).isEqualTo(28);
    }

    @Test
    void theExplainerSaysWhyItIsASeparateStep() {
        Plan plan = compiling.compile(SpecBuilder.spec().mount("/data", "bind", "/srv/data", "rbind", "ro", "rro"));

        assertThat(PlanExplainer.explain(plan)).containsPattern(
                "(?m)^mount_setattr\\(\\$ROOTFS/data, AT_RECURSIVE, set=ro, clear=none\\) +# recursively: a remount");
    }
}
