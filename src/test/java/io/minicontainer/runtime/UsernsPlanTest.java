package io.minicontainer.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.oci.Spec;
import io.minicontainer.oci.SpecBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan of a container with a user namespace (--userns=auto). */
class UsernsPlanTest {
    private static final String NETNS = "/run/minicontainer/netns/c1";

    private static List<Step> steps(SpecBuilder spec) {
        return new Compiling().compile(spec.annotations(Map.of(UsernsPlan.ANNOTATION, "1073741824"))).steps();
    }

    private static SpecBuilder remapped(String... namespaces) {
        return SpecBuilder.spec().namespaces(SpecBuilder.namespaces(namespaces));
    }

    @Test
    void theMonitorMapsAndMakesTheOverlayAndTheContainerBecomesRootOnceItIsAttached() {
        List<Step> steps = steps(remapped("pid", "mount", "network", "user"));
        assertThat(steps).contains(new UsernsStep.Map(1073741824, 65536),
                new UsernsStep.IdmappedOverlay(List.of("/images/alpine"), "/c1/upper", "/c1/work"));
        int attached = steps.indexOf(new UsernsStep.AttachTree(0, SpecBuilder.ROOTFS));
        assertThat(attached).isPositive();
        assertThat(steps.get(attached + 1)).isEqualTo(new UsernsStep.BecomeRoot());
        assertThat(((Step.Clone) steps.getFirst()).namespaces()).contains(Namespace.USER);
        assertThat(steps).noneMatch(step -> step instanceof Step.Mount m && m.fstype().equals("overlay"));
    }

    @Test
    void bindsAreIdmappedByTheMonitorAndAttachedInOrder() {
        List<Step> steps = new Compiling().directory("/srv/data").compile(remapped("mount", "user")
                .annotations(Map.of(UsernsPlan.ANNOTATION, "1073741824"))
                .mount("/data", "bind", "/srv/data", "rbind", "ro")).steps();
        assertThat(steps).containsSubsequence(new UsernsStep.IdmappedBind("/srv/data", true),
                new UsernsStep.AttachTree(1, SpecBuilder.ROOTFS + "/data"));
    }

    @Test
    void aJoinedNetworkIsEnteredByTheMonitorAndItsSysfsIsTheHostsBound() {
        List<Step> steps = steps(remapped("mount", "user").namespaces(List.of(new Spec.Namespace("mount"),
                new Spec.Namespace("user"), new Spec.Namespace("network", NETNS))).mount("/sys", "sysfs", "sysfs", "ro"));
        assertThat(steps).contains(new UsernsStep.NetnsForClone(NETNS))
                .noneMatch(step -> step instanceof Step.SetNs || step instanceof Step.LinkUp)
                .noneMatch(step -> step instanceof Step.Mount m && m.fstype().equals("sysfs"));
        assertThat(steps).contains(new Step.Mount("/sys", SpecBuilder.ROOTFS + "/sys", "", 0x1000 | 0x4000, ""));
    }
}
