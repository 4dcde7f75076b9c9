package io.minicontainer.runtime;

import static io.minicontainer.runtime.Compiling.steps;
import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.oci.Spec;
import io.minicontainer.oci.SpecBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's steps after the root is ready: identity, stdin, working directory, capabilities, exec. */
class PlanCompilerProcessTest {
    private final Compiling compiling = new Compiling();

    private Plan withNamespaces(String... types) {
        return compiling.compile(SpecBuilder.spec().namespaces(SpecBuilder.namespaces(types)));
    }

    @Test
    void hostnameIsSetInAUtsNamespace() {
        assertThat(steps(withNamespaces("mount", "uts"), Step.SetHostname.class))
                .containsExactly(new Step.SetHostname("c1"));
    }

    @Test
    void hostnameIsNotSetWithoutAUtsNamespace() {
        assertThat(steps(withNamespaces("mount"), Step.SetHostname.class)).isEmpty();
    }

    @Test
    void emptyHostnameIsNotSet() {
        Plan plan = compiling.compile(SpecBuilder.spec().hostname(""));

        assertThat(steps(plan, Step.SetHostname.class)).isEmpty();
    }

    @Test
    void loopbackIsBroughtUpInANetworkNamespace() {
        assertThat(steps(withNamespaces("mount", "network"), Step.LinkUp.class)).containsExactly(new Step.LinkUp("lo"));
    }

    @Test
    void hostNetworkIsLeftAlone() {
        assertThat(steps(withNamespaces("mount", "uts"), Step.LinkUp.class)).isEmpty();
    }

    @Test
    void stdinIsDevNullByDefault() {
        assertThat(steps(compiling.compile(SpecBuilder.spec()), Step.OpenStdin.class))
                .containsExactly(new Step.OpenStdin("/dev/null"));
    }

    @Test
    void stdinIsKeptWhenTheCallerAsks() {
        Plan plan = compiling.options(new LaunchOptions(true, true, List.of(), List.of())).compile(SpecBuilder.spec());

        assertThat(steps(plan, Step.OpenStdin.class)).isEmpty();
    }

    @Test
    void workingDirectoryIsCreatedThenEnteredWithTheWorkloadsUmask() {
        Plan plan = compiling.compile(SpecBuilder.spec().cwd("/app/src"));

        assertThat(plan.steps()).containsSubsequence(new Step.PivotRoot(Compiling.ROOTFS),
                new Step.Mkdir("/app/src", 0755), new Step.Chdir("/app/src"), new Step.Umask(0022));
    }

    @Test
    void rootWorkingDirectoryIsEnteredWithoutMkdir() {
        Plan plan = compiling.compile(SpecBuilder.spec().cwd("/"));

        assertThat(plan.steps()).contains(new Step.Chdir("/")).doesNotContain(new Step.Mkdir("/", 0755));
    }

    @Test
    void capabilitySetsBecomeBitMasks() {
        Spec.Capabilities caps = new Spec.Capabilities(List.of("CAP_CHOWN", "CAP_SYS_ADMIN", "CAP_NET_RAW"),
                List.of("CAP_CHOWN"), List.of("CAP_CHOWN", "CAP_NET_RAW"), List.of("CAP_KILL"), List.of("net_raw"));

        Plan plan = compiling.compile(SpecBuilder.spec().capabilities(caps));

        assertThat(steps(plan, Step.Bounding.class)).containsExactly(new Step.Bounding((1L << 0) | (1L << 21) | (1L << 13)));
        assertThat(steps(plan, Step.Capabilities.class)).containsExactly(new Step.Capabilities(
                1L, (1L << 0) | (1L << 13), 1L << 5, 1L << 13));
    }

    @Test
    void noCapabilitiesIsAllZeroMasks() {
        Plan plan = compiling.compile(SpecBuilder.spec().capabilities(SpecBuilder.capabilities(List.of())));

        assertThat(steps(plan, Step.Capabilities.class)).containsExactly(new Step.Capabilities(0, 0, 0, 0));
    }

    @Test
    void execIsTheLastStepWithTheSpecsArgvAndEnv() {
        Plan plan = compiling.compile(SpecBuilder.spec().args("/bin/echo", "a b", "").env("A=1"));

        assertThat(plan.steps().getLast()).isEqualTo(new Step.Exec(List.of("/bin/echo", "a b", ""), List.of("A=1")));
    }

    @Test
    void capabilitiesAreDroppedJustBeforeExec() {
        List<Step> steps = compiling.compile(SpecBuilder.spec()).steps();

        assertThat(steps.get(steps.size() - 2)).isInstanceOf(Step.Capabilities.class);
    }

    @Test
    void noNewPrivilegesIsSetJustBeforeExecWhenTheSpecAsks() {
        List<Step> steps = compiling.compile(SpecBuilder.spec().noNewPrivileges()).steps();

        assertThat(steps.get(steps.size() - 2)).isEqualTo(new Step.NoNewPrivileges());
        assertThat(compiling.compile(SpecBuilder.spec()).steps()).doesNotContain(new Step.NoNewPrivileges());
    }

    @Test
    void theBoundingSetIsDroppedAsRootThenTheUserIsSwitchedThenTheDirectoryEntered() {
        List<Step> steps = compiling.compile(SpecBuilder.spec().user(1000, 100).cwd("/home/app")).steps();

        int bounding = indexOf(steps, Step.Bounding.class);
        assertThat(steps.get(bounding + 1)).isEqualTo(new Step.User(1000, 100, List.of()));
        assertThat(steps.get(bounding + 2)).isEqualTo(new Step.Chdir("/home/app"));
        assertThat(indexOf(steps, Step.Mkdir.class)).isLessThan(bounding);
    }

    private static int indexOf(List<Step> steps, Class<? extends Step> type) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (type.isInstance(steps.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
