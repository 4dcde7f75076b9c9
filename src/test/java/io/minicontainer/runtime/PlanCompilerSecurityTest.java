package io.minicontainer.runtime;

import static io.minicontainer.runtime.Compiling.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.oci.Seccomp;
import io.minicontainer.oci.Spec;
import io.minicontainer.oci.SpecBuilder;
import io.minicontainer.seccomp.SeccompCompiler;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Where the seccomp filter goes among the process's last steps. */
class PlanCompilerSecurityTest {
    private static final Seccomp DENY_MKDIR = new Seccomp("SCMP_ACT_ALLOW", OptionalInt.empty(), List.of(),
            List.of(new Seccomp.Rule(List.of("mkdir"), "SCMP_ACT_ERRNO", OptionalInt.empty(), List.of())));

    private final Compiling compiling = new Compiling();

    private static List<Class<?>> lastSteps(Plan plan) {
        List<Step> steps = plan.steps();
        int from = steps.indexOf(steps(plan, Step.Bounding.class).getFirst());
        return steps.subList(from, steps.size()).stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void withoutNoNewPrivsTheFilterGoesInWhileTheSetupIsStillPrivileged() {
        Plan plan = compiling.compile(SpecBuilder.spec().seccomp(DENY_MKDIR));

        assertThat(lastSteps(plan)).containsExactly(Step.Bounding.class, Step.SeccompFilter.class, Step.User.class,
                Step.Chdir.class, Step.Umask.class, Step.Capabilities.class, Step.Exec.class);
    }

    @Test
    void withNoNewPrivsTheFilterGoesInLastBeforeExec() {
        Plan plan = compiling.compile(SpecBuilder.spec().seccomp(DENY_MKDIR).noNewPrivileges());

        assertThat(lastSteps(plan)).containsExactly(Step.Bounding.class, Step.User.class, Step.Chdir.class,
                Step.Umask.class, Step.Capabilities.class, Step.NoNewPrivileges.class, Step.SeccompFilter.class,
                Step.Exec.class);
    }

    @Test
    void theFilterIsTheCompiledProgramInHexAndNoSpecFilterMeansNone() {
        Step.SeccompFilter filter = steps(compiling.compile(SpecBuilder.spec().seccomp(DENY_MKDIR)),
                Step.SeccompFilter.class).getFirst();

        assertThat(filter.args()).containsExactly(HexFormat.of().formatHex(SeccompCompiler.compile(DENY_MKDIR)));
        assertThat(filter.instructions()).isEqualTo(SeccompCompiler.compile(DENY_MKDIR).length / 8);
        assertThat(steps(compiling.compile(SpecBuilder.spec()), Step.SeccompFilter.class)).isEmpty();
    }

    @Test
    void aFilterThatCannotBeCompiledNamesTheSpecField() {
        Seccomp bad = new Seccomp("SCMP_ACT_SOMETIMES", OptionalInt.empty(), List.of(), List.of());

        assertThatThrownBy(() -> compiling.compile(SpecBuilder.spec().seccomp(bad))).isInstanceOf(SpecException.class)
                .hasMessage("linux.seccomp: seccomp profile: unknown action SCMP_ACT_SOMETIMES");
    }

    @Test
    void execInstallsTheContainersFilterAndMayGetOtherCapabilities() {
        Spec.Capabilities all = SpecBuilder.capabilities(List.of("CAP_SYS_ADMIN", "CAP_CHOWN"));
        ExecOptions options = new ExecOptions(4242, 99, List.of("sh"), List.of(), Optional.empty(), Optional.empty(), false,
                false, "/c1/exec.plan", List.of(), false, Optional.of(all));

        Plan plan = PlanCompiler.compileExec(SpecBuilder.spec().seccomp(DENY_MKDIR).build(), options);

        assertThat(lastSteps(plan)).containsSubsequence(Step.Bounding.class, Step.SeccompFilter.class, Step.User.class);
        long mask = Capability.SYS_ADMIN.bit() | Capability.CHOWN.bit();
        assertThat(steps(plan, Step.Bounding.class)).containsExactly(new Step.Bounding(mask));
        assertThat(steps(plan, Step.Capabilities.class)).containsExactly(new Step.Capabilities(mask, mask, 0, 0));
    }
}
