package io.minicontainer.runtime;

import static io.minicontainer.runtime.Compiling.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.oci.Spec;
import io.minicontainer.oci.SpecBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** exec's plan: join the container's namespaces, then one more process set up like the container's own. */
class ExecPlanCompilerTest {
    private static final String PLAN_FILE = "/var/lib/minicontainer/containers/c1/exec-1.plan";
    private static final List<String> COMMAND = List.of("ps", "-ef");

    private static ExecOptions options() {
        return new ExecOptions(4242, 99, COMMAND, List.of(), Optional.empty(), Optional.empty(), false, false, PLAN_FILE,
                List.of());
    }

    private static Plan compile(SpecBuilder spec, ExecOptions options) {
        return PlanCompiler.compileExec(spec.build(), options);
    }

    private static Step.Exec exec(Plan plan) {
        return (Step.Exec) plan.steps().getLast();
    }

    @Test
    void joinsEveryNamespaceOfTheContainersProcessFirst() {
        Plan plan = compile(SpecBuilder.spec().namespaces(SpecBuilder.namespaces("pid", "mount", "uts", "cgroup")),
                options());

        assertThat(plan.steps().getFirst()).isEqualTo(new Step.Join(4242, 99,
                List.of(Namespace.MOUNT, Namespace.UTS, Namespace.PID, Namespace.CGROUP)));
        assertThat(((Step.Join) plan.steps().getFirst()).args()).containsExactly("4242", "99", "0x26020000");
    }

    @Test
    void aHostNetworkContainerIsNotGivenANetworkNamespace() {
        Plan plan = compile(SpecBuilder.spec().namespaces(SpecBuilder.namespaces("pid", "mount")), options());

        assertThat(steps(plan, Step.Join.class).getFirst().namespaces()).containsExactly(Namespace.MOUNT, Namespace.PID);
    }

    @Test
    void createsAndMountsNothingAndNeverSetsAParentDeathSignal() {
        Plan plan = compile(SpecBuilder.spec(), options());

        assertThat(plan.steps()).noneMatch(step -> step instanceof Step.Clone || step instanceof Step.Mount
                || step instanceof Step.Mkdir || step instanceof Step.PivotRoot || step instanceof Step.ParentDeathSignal
                || step instanceof Step.SetHostname || step instanceof Step.StateDir);
        assertThat(plan.joins()).isTrue();
    }

    @Test
    void thePlanFileIsRemovedByTheHelper() {
        assertThat(steps(compile(SpecBuilder.spec(), options()), Step.RemoveOnExit.class))
                .containsExactly(new Step.RemoveOnExit(PLAN_FILE));
    }

    @Test
    void theProcessIsSetUpLikeTheContainersOwnInTheSameOrder() {
        Spec.Capabilities caps = new Spec.Capabilities(List.of("CAP_CHOWN", "CAP_KILL", "CAP_NET_RAW"),
                List.of("CAP_CHOWN"), List.of("CAP_CHOWN", "CAP_KILL"), List.of("CAP_KILL"), List.of());
        Plan plan = compile(SpecBuilder.spec().capabilities(caps).cwd("/app").user(7, 8), options());

        assertThat(plan.steps().subList(2, plan.steps().size())).containsExactly(new Step.SetSid(),
                new Step.OpenStdin("/dev/null"), new Step.Bounding(1L | 1L << 5 | 1L << 13),
                new Step.User(7, 8, List.of()), new Step.Chdir("/app"), new Step.Umask(0022),
                new Step.Capabilities(1L, 1L | 1L << 5, 1L << 5, 0), new Step.Exec(COMMAND, SpecBuilder.ENV));
    }

    @Test
    void envEntriesReplaceTheContainersInPlaceAndNewOnesComeLast() {
        ExecOptions options = new ExecOptions(4242, 99, COMMAND, List.of("HOME=/home/app", "EXTRA=1"),
                Optional.empty(), Optional.empty(), false, false, PLAN_FILE, List.of());

        assertThat(exec(compile(SpecBuilder.spec(), options)).env())
                .containsExactly("PATH=/usr/bin:/bin", "HOSTNAME=c1", "HOME=/home/app", "EXTRA=1");
    }

    @Test
    void workdirAndUserReplaceTheContainersButNotItsCapabilities() {
        ExecOptions options = new ExecOptions(4242, 99, COMMAND, List.of(), Optional.of("/tmp"),
                Optional.of(new Spec.User(1000, 1000, List.of(27L))), false, false, PLAN_FILE, List.of());
        Plan plan = compile(SpecBuilder.spec().cwd("/app"), options);

        assertThat(steps(plan, Step.User.class)).containsExactly(new Step.User(1000, 1000, List.of(27L)));
        assertThat(steps(plan, Step.Chdir.class)).containsExactly(new Step.Chdir("/tmp"));
        assertThat(steps(plan, Step.Capabilities.class)).containsExactly(new Step.Capabilities(
                1L | 1L << 5, 1L | 1L << 5, 0, 0));
    }

    @Test
    void interactiveKeepsTheCallersStdin() {
        ExecOptions options = new ExecOptions(4242, 99, COMMAND, List.of(), Optional.empty(), Optional.empty(), true,
                false, PLAN_FILE, List.of());

        assertThat(steps(compile(SpecBuilder.spec(), options), Step.OpenStdin.class)).isEmpty();
    }

    @Test
    void detachedReadsDevNullEvenWithInteractiveAndPrintsNothing() {
        ExecOptions options = new ExecOptions(4242, 99, COMMAND, List.of(), Optional.empty(), Optional.empty(), true,
                true, PLAN_FILE, List.of());
        Plan plan = compile(SpecBuilder.spec(), options);

        assertThat(steps(plan, Step.Detach.class)).containsExactly(new Step.Detach(""));
        assertThat(steps(plan, Step.OpenStdin.class)).containsExactly(new Step.OpenStdin("/dev/null"));
    }

    @Test
    void noNewPrivilegesIsKeptWhenTheContainerHasIt() {
        assertThat(steps(compile(SpecBuilder.spec().noNewPrivileges(), options()), Step.NoNewPrivileges.class))
                .hasSize(1);
        assertThat(steps(compile(SpecBuilder.spec(), options()), Step.NoNewPrivileges.class)).isEmpty();
    }

    @Test
    void anEmptyCommandIsRefused() {
        ExecOptions options = new ExecOptions(4242, 99, List.of(), List.of(), Optional.empty(), Optional.empty(), false,
                false, PLAN_FILE, List.of());

        assertThatThrownBy(() -> compile(SpecBuilder.spec(), options)).isInstanceOf(SpecException.class)
                .hasMessage("exec: no command to run");
    }

    @Test
    void theContainersNamespacesAreCheckedAsForRun() {
        assertThatThrownBy(() -> compile(SpecBuilder.spec().namespaces(SpecBuilder.namespaces("mount", "time-travel")),
                options())).isInstanceOf(SpecException.class).hasMessageContaining("unknown type time-travel");
    }

    @Test
    void describedForErrorsAndExplainedAsAJoin() {
        Plan plan = compile(SpecBuilder.spec(), options());

        assertThat(plan.steps().getFirst().describe(plan)).isEqualTo("join the namespaces of container process 4242");
        assertThat(PlanExplainer.explain(plan)).contains(
                "# The CLI's own process enters the running container (exec):",
                "setns(pidfd_open(4242), CLONE_NEWNS|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWPID|CLONE_NEWNET)",
                "rm -rf " + PLAN_FILE + "          # once read", "# In the forked child, born in the container:",
                "exec ps -ef");
    }
}
