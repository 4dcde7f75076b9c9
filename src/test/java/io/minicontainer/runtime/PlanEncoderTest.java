package io.minicontainer.runtime;

import static io.minicontainer.runtime.Compiling.ROOTFS;
import static io.minicontainer.runtime.Compiling.inRootfs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.oci.SpecBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PlanEncoderTest {
    private final Plan plan = new Compiling().typicalPlan();

    record WireStep(int op, List<String> args) {}

    /** Reads the format of native/plan.h, checking every length, terminator and that nothing trails. */
    private static List<WireStep> decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        byte[] magic = new byte[8];
        in.get(magic);
        assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("MCPLAN01");
        int count = in.getInt();
        List<WireStep> steps = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            int op = in.getInt();
            int argc = in.getInt();
            List<String> args = new ArrayList<>();
            for (int a = 0; a < argc; a++) {
                byte[] arg = new byte[in.getInt()];
                in.get(arg);
                assertThat(in.get()).as("NUL after argument %d of step %d", a, s).isZero();
                args.add(new String(arg, StandardCharsets.UTF_8));
            }
            steps.add(new WireStep(op, args));
        }
        assertThat(in.hasRemaining()).as("bytes after the last step").isFalse();
        return steps;
    }

    @Test
    void encodesEveryStepOfThePlanInOrder() {
        List<WireStep> wire = decode(PlanEncoder.encode(plan));

        assertThat(wire).hasSize(plan.steps().size());
        assertThat(wire).extracting(WireStep::op).containsExactlyElementsOf(plan.steps().stream().map(Step::op).toList());
    }

    @Test
    void firstArgumentIsTheDescriptionAndTheRestAreTheStepsArgs() {
        List<WireStep> wire = decode(PlanEncoder.encode(plan));

        for (int i = 0; i < wire.size(); i++) {
            Step step = plan.steps().get(i);
            assertThat(wire.get(i).args().getFirst()).isEqualTo(step.describe(plan));
            assertThat(wire.get(i).args().subList(1, wire.get(i).args().size())).isEqualTo(step.args());
        }
    }

    @Test
    void mountTravelsAsSourceTargetTypeHexFlagsAndData() {
        List<WireStep> wire = decode(PlanEncoder.encode(plan));

        assertThat(wire).contains(new WireStep(10, List.of("mount proc on /proc", "proc", inRootfs("/proc"), "proc", "0xe", "")));
    }

    @Test
    void execTravelsAsEnvCountThenEnvThenArgv() {
        Plan plan = new Compiling().compile(SpecBuilder.spec().args("sh", "-c", "echo hi").env("A=1", "B=2"));

        assertThat(decode(PlanEncoder.encode(plan)).getLast())
                .isEqualTo(new WireStep(24, List.of("exec: \"sh\"", "2", "A=1", "B=2", "sh", "-c", "echo hi")));
    }

    @Test
    void lengthsCountUtf8BytesNotCharacters() {
        Plan plan = new Plan(ROOTFS, List.of(new Step.SetHostname("hôte")));
        byte[] bytes = PlanEncoder.encode(plan);

        assertThat(decode(bytes).getFirst().args()).containsExactly("sethostname hôte", "hôte");
        int firstLength = ByteBuffer.wrap(bytes, 20, 4).order(ByteOrder.nativeOrder()).getInt();
        assertThat(firstLength).isEqualTo("sethostname hôte".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void emptyPlanIsMagicAndZero() {
        assertThat(decode(PlanEncoder.encode(new Plan(ROOTFS, List.of())))).isEmpty();
    }

    @Test
    void nulInsideAnArgumentIsRefused() {
        Plan plan = new Plan(ROOTFS, List.of(new Step.Chdir("/tmp\0evil")));

        assertThatThrownBy(() -> PlanEncoder.encode(plan)).isInstanceOf(SpecException.class)
                .hasMessage("a NUL character cannot be passed to the kernel: chdir to /tmp?evil");
    }

    @Test
    void opCodesAgreeWithNativePlanHeader() throws IOException {
        Map<String, Integer> header = new HashMap<>();
        Matcher m = Pattern.compile("(OP_[A-Z_]+) = (\\d+)").matcher(Files.readString(Path.of("native/plan.h")));
        while (m.find()) {
            header.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        Map<Step, String> names = Map.ofEntries(Map.entry(new Step.Clone(List.of()), "OP_CLONE"),
                Map.entry(new Step.RemoveOnExit("/x"), "OP_REMOVE_ON_EXIT"),
                Map.entry(new Step.RemoveOnFailure("/x"), "OP_REMOVE_ON_FAILURE"),
                Map.entry(new Step.StateDir("/x"), "OP_STATE_DIR"), Map.entry(new Step.LogRotation(1, 2), "OP_LOG"),
                Map.entry(new Step.Detach("id"), "OP_DETACH"),
                Map.entry(new Step.CgroupProcs("/c/cgroup.procs"), "OP_CGROUP"),
                Map.entry(new Step.OomEvents("/e"), "OP_OOM_EVENTS"),
                Map.entry(new Step.Unshare(List.of(Namespace.CGROUP)), "OP_UNSHARE"),
                Map.entry(new Step.SetNs("/n", Namespace.NETWORK), "OP_SETNS"),
                Map.entry(new Step.NamespaceOnExit("/n"), "OP_NETNS_ON_EXIT"),
                Map.entry(new Step.ExitCommand(List.of("/bin/true")), "OP_EXIT_COMMAND"),
                Map.entry(new Step.Join(1, 2, List.of()), "OP_JOIN"),
                Map.entry(new Step.Mount("", "/", "", 0, ""), "OP_MOUNT"), Map.entry(new Step.Mkdir("/x", 0), "OP_MKDIR"),
                Map.entry(new Step.Touch("/x", 0), "OP_TOUCH"), Map.entry(new Step.Mknod("/x", 0, 1, 3), "OP_MKNOD"),
                Map.entry(new Step.Symlink("a", "b"), "OP_SYMLINK"), Map.entry(new Step.PivotRoot("/r"), "OP_PIVOT_ROOT"),
                Map.entry(new Step.SetHostname("h"), "OP_SETHOSTNAME"), Map.entry(new Step.LinkUp("lo"), "OP_LINK_UP"),
                Map.entry(new Step.SetSid(), "OP_SETSID"), Map.entry(new Step.Umask(0), "OP_UMASK"),
                Map.entry(new Step.OpenStdin("/dev/null"), "OP_OPEN_STDIN"), Map.entry(new Step.Chdir("/"), "OP_CHDIR"),
                Map.entry(new Step.Capabilities(0, 0, 0, 0), "OP_CAPS"),
                Map.entry(new Step.Bounding(0), "OP_BOUNDING"), Map.entry(new Step.User(0, 0, List.of()), "OP_USER"),
                Map.entry(new Step.ParentDeathSignal(9), "OP_PDEATHSIG"),
                Map.entry(new Step.NoNewPrivileges(), "OP_NO_NEW_PRIVS"),
                Map.entry(new Step.SeccompFilter("0600000000007fff"), "OP_SECCOMP"),
                Map.entry(new Step.SetMountAttributes("/x", 1, 0), "OP_MOUNT_SETATTR"),
                Map.entry(new Step.Rlimit(RlimitType.RLIMIT_NOFILE, 1, 2), "OP_RLIMIT"),
                Map.entry(new Step.Exec(List.of("sh"), List.of()), "OP_EXEC"),
                Map.entry(new Step.Terminal(0, "/dev/console"), "OP_TERMINAL"),
                Map.entry(new Step.Attach("/s"), "OP_ATTACH"),
                Map.entry(new Step.TerminalClient(List.of(16, 17)), "OP_TERMINAL_CLIENT"),
                Map.entry(new Step.SendStdin(), "OP_SEND_STDIN"),
                Map.entry(new Step.NoSignalProxy(), "OP_NO_SIG_PROXY"),
                Map.entry(new UsernsStep.Map(1, 2), "OP_USERNS_MAP"),
                Map.entry(new UsernsStep.IdmappedOverlay(List.of("/l"), "/u", "/w"), "OP_IDMAP_OVERLAY"),
                Map.entry(new UsernsStep.IdmappedBind("/s", true), "OP_IDMAP_BIND"),
                Map.entry(new UsernsStep.NetnsForClone("/n"), "OP_NETNS_FOR_CLONE"),
                Map.entry(new UsernsStep.BecomeRoot(), "OP_BECOME_ROOT"),
                Map.entry(new UsernsStep.AttachTree(0, "/t"), "OP_ATTACH_TREE"));

        List<Class<?>> kinds = new ArrayList<>(Arrays.asList(Step.class.getPermittedSubclasses()));
        kinds.remove(Step.Elsewhere.class);
        kinds.addAll(Arrays.asList(UsernsStep.class.getPermittedSubclasses()));
        assertThat(names.keySet()).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(kinds);
        assertThat(header).hasSameSizeAs(names);
        names.forEach((step, name) -> assertThat(step.op()).as(name).isEqualTo(header.get(name)));
    }
}
