package io.minicontainer.seccomp;

import static io.minicontainer.seccomp.BpfInterpreter.SeccompData.x86_64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.oci.Seccomp;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeccompCompilerTest {
    private static final SyscallTable TABLE = SyscallTable.x86_64();
    private static final int ALLOW = SeccompActions.ALLOW;
    private static final int EPERM = SeccompActions.ERRNO | 1;
    private static final int ENOSYS = SeccompActions.ERRNO | 38;
    private static final List<String> DOCKER_CAPS = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER",
            "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
            "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");

    private static List<Bpf.Insn> defaultProgram(List<String> caps) {
        return SeccompCompiler.program(DockerProfile.defaultProfile().resolve(caps, "6.18.4"), TABLE);
    }

    private static int nr(String name) {
        return TABLE.number(name).orElseThrow();
    }

    private static int run(List<Bpf.Insn> program, String name, long... args) {
        return BpfInterpreter.run(program, x86_64(nr(name), args));
    }

    @Test
    void theDefaultProfileAllowsOrdinaryCallsAndRefusesTheAdministratorsWithEperm() {
        List<Bpf.Insn> program = defaultProgram(DOCKER_CAPS);
        for (String allowed : List.of("read", "write", "openat", "mkdir", "execve", "chroot", "setuid", "ptrace", "ioctl")) {
            assertThat(run(program, allowed)).as(allowed).isEqualTo(ALLOW);
        }
        for (String refused : List.of("mount", "umount2", "unshare", "setns", "init_module", "finit_module", "reboot",
                "settimeofday", "clock_settime", "sethostname", "kexec_load", "keyctl", "bpf", "io_uring_setup",
                "pivot_root", "swapon", "open_by_handle_at", "kcmp", "userfaultfd", "iopl")) {
            assertThat(run(program, refused)).as(refused).isEqualTo(EPERM);
        }
    }

    @Test
    void cloneIsAllowedWithoutNamespaceFlagsOnlyAndClone3SaysEnosys() {
        List<Bpf.Insn> program = defaultProgram(DOCKER_CAPS);
        long sigchld = 17;
        long threadFlags = 0x3d0f00;
        assertThat(run(program, "clone", sigchld)).isEqualTo(ALLOW);
        assertThat(run(program, "clone", threadFlags)).isEqualTo(ALLOW);
        for (long namespace : List.of(0x20000L, 0x02000000L, 0x04000000L, 0x08000000L, 0x10000000L, 0x20000000L,
                0x40000000L)) {
            assertThat(run(program, "clone", sigchld | namespace)).as("flag %x", namespace).isEqualTo(EPERM);
        }
        assertThat(run(program, "clone3")).isEqualTo(ENOSYS);
    }

    @Test
    void capSysAdminBringsBackMountsNamespacesAndClone3() {
        List<String> caps = new ArrayList<>(DOCKER_CAPS);
        caps.add("CAP_SYS_ADMIN");
        List<Bpf.Insn> program = defaultProgram(caps);
        for (String name : List.of("mount", "umount2", "unshare", "setns", "sethostname", "clone3")) {
            assertThat(run(program, name)).as(name).isEqualTo(ALLOW);
        }
        assertThat(run(program, "clone", 0x10000000L | 17)).isEqualTo(ALLOW);
    }

    @Test
    void eachCapabilityAllowsItsOwnCalls() {
        record Case(String cap, String call) {}
        for (Case c : List.of(new Case("CAP_SYS_MODULE", "init_module"), new Case("CAP_SYS_TIME", "settimeofday"),
                new Case("CAP_SYS_TIME", "clock_settime"), new Case("CAP_SYS_BOOT", "reboot"),
                new Case("CAP_SYS_PTRACE", "kcmp"), new Case("CAP_SYS_RAWIO", "iopl"), new Case("CAP_SYS_PACCT", "acct"),
                new Case("CAP_SYSLOG", "syslog"), new Case("CAP_BPF", "bpf"), new Case("CAP_DAC_READ_SEARCH",
                        "open_by_handle_at"))) {
            assertThat(run(defaultProgram(DOCKER_CAPS), c.call())).as(c.call()).isEqualTo(EPERM);
            List<String> caps = new ArrayList<>(DOCKER_CAPS);
            caps.add(c.cap());
            assertThat(run(defaultProgram(caps), c.call())).as(c.cap() + " " + c.call()).isEqualTo(ALLOW);
        }
    }

    @Test
    void personalityTakesOnlyTheHarmlessPersonasComparedOnAll64Bits() {
        List<Bpf.Insn> program = defaultProgram(DOCKER_CAPS);
        for (long persona : List.of(0L, 8L, 0x20000L, 0x20008L, 0xffffffffL)) {
            assertThat(run(program, "personality", persona)).as("persona %x", persona).isEqualTo(ALLOW);
        }
        assertThat(run(program, "personality", 0x0400000L)).as("READ_IMPLIES_EXEC").isEqualTo(EPERM);
        assertThat(run(program, "personality", 0x1_0000_0000L)).isEqualTo(EPERM);
    }

    @Test
    void socketRefusesAfAlgAndAfVsockOnly() {
        List<Bpf.Insn> program = defaultProgram(DOCKER_CAPS);
        assertThat(run(program, "socket", 2)).isEqualTo(ALLOW);
        assertThat(run(program, "socket", 16)).as("netlink").isEqualTo(ALLOW);
        assertThat(run(program, "socket", 38)).isEqualTo(EPERM);
        assertThat(run(program, "socket", 39)).isEqualTo(ALLOW);
        assertThat(run(program, "socket", 40)).isEqualTo(EPERM);
        assertThat(run(program, "socket", 41)).isEqualTo(ALLOW);
    }

    @Test
    void otherArchitecturesAndTheX32AbiAreKilledNewerCallsGetEnosys() {
        List<Bpf.Insn> program = defaultProgram(DOCKER_CAPS);
        int auditArchI386 = 0x4000_0003;
        assertThat(BpfInterpreter.run(program, new BpfInterpreter.SeccompData(0, auditArchI386, new long[6])))
                .isEqualTo(SeccompActions.KILL_PROCESS);
        assertThat(BpfInterpreter.run(program, x86_64(0x4000_0000 | nr("read")))).isEqualTo(SeccompActions.KILL_PROCESS);
        assertThat(BpfInterpreter.run(program, x86_64(TABLE.highest() + 1))).isEqualTo(ENOSYS);
        assertThat(BpfInterpreter.run(program, x86_64(-1))).isEqualTo(SeccompActions.KILL_PROCESS);
        assertThat(BpfInterpreter.run(program, x86_64(335))).as("a gap in the table").isEqualTo(EPERM);
    }

    @Test
    void aPlainCallRunsAFewDozenInstructionsAtMost() {
        List<Bpf.Insn> program = defaultProgram(DOCKER_CAPS);
        for (String name : List.of("read", "write", "futex", "epoll_wait", "getpid", "rseq")) {
            int[] steps = new int[1];
            BpfInterpreter.run(program, x86_64(nr(name)), steps);
            assertThat(steps[0]).as(name).isLessThan(25);
        }
    }

    @Test
    void ptraceWaitsForLinux48() {
        List<Bpf.Insn> old = SeccompCompiler.program(DockerProfile.defaultProfile().resolve(DOCKER_CAPS, "4.4.0"), TABLE);
        assertThat(run(old, "ptrace")).isEqualTo(EPERM);
    }

    @Test
    void everyCallOfTheDefaultProfileAnswersAsItsRulesSay() {
        for (List<String> caps : List.<List<String>>of(DOCKER_CAPS, List.of(), List.of("CAP_SYS_ADMIN"))) {
            Seccomp seccomp = DockerProfile.defaultProfile().resolve(caps, "6.18.4");
            List<Bpf.Insn> program = SeccompCompiler.program(seccomp, TABLE);
            int[] steps = new int[1];
            for (int nr = 0; nr <= TABLE.highest() + 3; nr++) {
                for (long[] args : List.of(new long[6], new long[] {17, 0, 0, 0, 0, 0}, new long[] {0x10000011, 2})) {
                    BpfInterpreter.SeccompData data = x86_64(nr, args);
                    steps[0] = 0;
                    assertThat(BpfInterpreter.run(program, data, steps)).as("nr %d", nr)
                            .isEqualTo(SeccompReference.expected(seccomp, TABLE, data));
                    // a tree of a few levels, then a call's argument checks (personality's five rules the most)
                    assertThat(steps[0]).as("instructions run for nr %d", nr).isLessThan(64);
                }
            }
            assertThat(program.size()).isLessThan(400);
        }
    }

    @Test
    void randomProfilesAgreeWithTheirRulesOnEveryOperatorAndBoundary() {
        Random random = new Random(42);
        List<String> ops = List.copyOf(ArgumentCheck.OPERATORS);
        long[] interesting = {0, 1, 38, 39, 40, 0x7fffffffL, 0x80000000L, 0xffffffffL, 0x1_0000_0000L, 0x1_0000_0001L,
            Long.MAX_VALUE, Long.MIN_VALUE, -1L};
        for (int profile = 0; profile < 200; profile++) {
            List<Seccomp.Rule> rules = new ArrayList<>();
            for (int r = 0; r < 1 + random.nextInt(6); r++) {
                List<Seccomp.Arg> args = new ArrayList<>();
                for (int a = 0; a < random.nextInt(3); a++) {
                    args.add(new Seccomp.Arg(random.nextInt(6), pick(random, interesting), pick(random, interesting),
                            ops.get(random.nextInt(ops.size()))));
                }
                String action = random.nextBoolean() ? "SCMP_ACT_ALLOW" : "SCMP_ACT_ERRNO";
                OptionalInt errno = action.equals("SCMP_ACT_ERRNO") ? OptionalInt.of(random.nextInt(100)) : OptionalInt.empty();
                rules.add(new Seccomp.Rule(List.of(random.nextBoolean() ? "read" : "socket", "write"), action, errno, args));
            }
            Seccomp seccomp = new Seccomp(random.nextBoolean() ? "SCMP_ACT_ALLOW" : "SCMP_ACT_KILL_PROCESS",
                    OptionalInt.empty(), List.of(), rules);
            List<Bpf.Insn> program = SeccompCompiler.program(seccomp, TABLE);
            for (int call = 0; call < 50; call++) {
                long[] args = new long[6];
                for (int i = 0; i < 6; i++) {
                    args[i] = random.nextInt(4) == 0 ? random.nextLong() : pick(random, interesting);
                }
                BpfInterpreter.SeccompData data = x86_64(List.of(0, 1, 41, 2).get(random.nextInt(4)), args);
                assertThat(BpfInterpreter.run(program, data)).as("profile %d call %d", profile, call)
                        .isEqualTo(SeccompReference.expected(seccomp, TABLE, data));
            }
        }
    }

    private static long pick(Random random, long[] values) {
        return values[random.nextInt(values.length)];
    }

    @Test
    void theProgramIsTheKernelsSockFilterLayout() {
        byte[] bytes = Bpf.encode(List.of(new Bpf.Insn(Bpf.JMP_JEQ_K, 1, 2, 0x01020304)));
        assertThat(bytes).containsExactly(0x15, 0, 1, 2, 4, 3, 2, 1);
    }

    @Test
    void badActionsAndOperatorsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> compile("SCMP_ACT_NOPE", "SCMP_CMP_EQ"))
                .hasMessage("seccomp profile: unknown action SCMP_ACT_NOPE");
        assertThatThrownBy(() -> compile("SCMP_ACT_ALLOW", "SCMP_CMP_LIKE"))
                .hasMessage("seccomp profile: unknown operator SCMP_CMP_LIKE");
        assertThatThrownBy(() -> compile("SCMP_ACT_NOTIFY", "SCMP_CMP_EQ")).hasMessageContaining("SCMP_ACT_NOTIFY");
        Seccomp errnoOnAllow = new Seccomp("SCMP_ACT_ERRNO", OptionalInt.empty(), List.of(),
                List.of(new Seccomp.Rule(List.of("read"), "SCMP_ACT_ALLOW", OptionalInt.of(1), List.of())));
        assertThatThrownBy(() -> SeccompCompiler.compile(errnoOnAllow)).hasMessageContaining("errnoRet is only for");
    }

    private static byte[] compile(String action, String op) {
        return SeccompCompiler.compile(new Seccomp("SCMP_ACT_ERRNO", OptionalInt.empty(), List.of(), List.of(
                new Seccomp.Rule(List.of("read"), action, OptionalInt.empty(), List.of(new Seccomp.Arg(0, 1, 0, op))))));
    }
}
