package io.minicontainer.runtime;

import static io.minicontainer.runtime.Compiling.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.oci.SpecBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** -t: the container's own terminal, and how the CLI follows it (run, start, attach, exec). */
class PlanCompilerTerminalTest {
    private static final AttachOptions KEYS_AND_STDIN = new AttachOptions(true, List.of(1, 100), true);

    private static LaunchOptions attached(boolean keepStdin, AttachOptions attach) {
        return new LaunchOptions(keepStdin, true, List.of(), List.of(), Optional.empty(), LaunchOptions.LogLimits.UNLIMITED,
                Optional.empty(), LaunchOptions.CgroupPaths.NONE, List.of(), List.of(), attach);
    }

    private static LaunchOptions detached() {
        return new LaunchOptions(true, true, List.of(), List.of(), Optional.empty(), LaunchOptions.LogLimits.UNLIMITED,
                Optional.of("id"), LaunchOptions.CgroupPaths.NONE, List.of(), List.of(), KEYS_AND_STDIN);
    }

    @Test
    void aTerminalIsStdinStdoutAndStderrBoundOnTheConsoleAndOwnedByTheUser() {
        Plan plan = new Compiling().options(attached(true, KEYS_AND_STDIN))
                .compile(SpecBuilder.spec().terminal().user(1000, 1000));

        assertThat(steps(plan, Step.OpenStdin.class)).isEmpty();
        assertThat(plan.steps()).containsSubsequence(new Step.PivotRoot(Compiling.ROOTFS),
                new Step.Terminal(1000, "/dev/console"), new Step.User(1000, 1000, List.of()));
    }

    @Test
    void withoutMinusIATerminalIsStillStdin() {
        Plan plan = new Compiling().options(attached(false, AttachOptions.DEFAULT)).compile(SpecBuilder.spec().terminal());

        assertThat(steps(plan, Step.OpenStdin.class)).isEmpty();
        assertThat(steps(plan, Step.Terminal.class)).hasSize(1);
        assertThat(steps(plan, Step.SendStdin.class)).isEmpty();
    }

    @Test
    void theAttachedClientFollowsTheTerminalWithItsDetachKeysAndSendsItsStdin() {
        Plan plan = new Compiling().options(attached(true, KEYS_AND_STDIN)).compile(SpecBuilder.spec().terminal());

        assertThat(steps(plan, Step.TerminalClient.class)).containsExactly(new Step.TerminalClient(List.of(1, 100)));
        assertThat(steps(plan, Step.SendStdin.class)).hasSize(1);
        assertThat(new Step.TerminalClient(List.of(16, 17)).args()).containsExactly("16,17");
    }

    @Test
    void aDetachedRunHasNoClientSteps() {
        Plan plan = new Compiling().options(detached()).compile(SpecBuilder.spec().terminal());

        assertThat(plan.steps()).noneMatch(step -> step.op() >= 102);
        assertThat(steps(plan, Step.Terminal.class)).hasSize(1);
    }

    @Test
    void withoutATerminalStdinStaysTheContainersOwnAndOnlyTheSignalProxyIsTheClients() {
        Plan plan = new Compiling().options(attached(true, new AttachOptions(true, List.of(16, 17), false)))
                .compile(SpecBuilder.spec());

        assertThat(steps(plan, Step.Terminal.class)).isEmpty();
        assertThat(steps(plan, Step.TerminalClient.class)).isEmpty();
        assertThat(steps(plan, Step.SendStdin.class)).isEmpty();
        assertThat(steps(plan, Step.NoSignalProxy.class)).hasSize(1);
    }

    @Test
    void attachConnectsToTheMonitorsSocketAndRemovesItsPlanFirst() {
        Plan plan = PlanCompiler.compileAttach("/c/attach.sock", true, KEYS_AND_STDIN, "/c/attach-1.plan");

        assertThat(plan.steps()).containsExactly(new Step.RemoveOnExit("/c/attach-1.plan"), new Step.Attach("/c/attach.sock"),
                new Step.TerminalClient(List.of(1, 100)), new Step.SendStdin());
        assertThat(PlanCompiler.compileAttach("/s", false, new AttachOptions(false, List.of(16, 17), false), "/p").steps())
                .containsExactly(new Step.RemoveOnExit("/p"), new Step.Attach("/s"), new Step.NoSignalProxy());
    }

    @Test
    void execWithATerminalHasItsOwnWithoutConsoleAfterSetsid() {
        ExecOptions options = new ExecOptions(4242, 99, List.of("sh"), List.of(), Optional.empty(), Optional.empty(), true,
                false, "/c/exec.plan", List.of(), true, Optional.empty());

        Plan plan = PlanCompiler.compileExec(SpecBuilder.spec().user(7, 7).build(), options);

        assertThat(steps(plan, Step.OpenStdin.class)).isEmpty();
        assertThat(plan.steps()).containsSubsequence(new Step.SendStdin(), new Step.SetSid(), new Step.Terminal(7, ""),
                new Step.User(7, 7, List.of()));
    }

    @Test
    void execCannotDetachFromATerminalItHolds() {
        ExecOptions options = new ExecOptions(4242, 99, List.of("sh"), List.of(), Optional.empty(), Optional.empty(), false,
                true, "/c/exec.plan", List.of(), true, Optional.empty());

        assertThatThrownBy(() -> PlanCompiler.compileExec(SpecBuilder.spec().build(), options))
                .isInstanceOf(SpecException.class).hasMessageContaining("-d with -t");
    }

    @Test
    void explainSpellsTheDetachKeysAsDockerDoes() {
        assertThat(StepText.detachKeys(List.of(16, 17))).isEqualTo("ctrl-p,ctrl-q");
        assertThat(StepText.detachKeys(List.of(0, 27, 28, 31, 100))).isEqualTo("ctrl-@,ctrl-[,ctrl-\\,ctrl-_,d");
    }
}
