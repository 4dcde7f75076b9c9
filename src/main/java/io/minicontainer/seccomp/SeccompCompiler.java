package io.minicontainer.seccomp;

import io.minicontainer.oci.Seccomp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Compiles the spec's seccomp filter to classic BPF for x86_64. The program checks the architecture
 * (anything but x86_64, including the x32 ABI's numbers, kills the process: their numbers mean other
 * calls), answers ENOSYS for numbers newer than the syscall table (so a newer libc falls back rather
 * than failing on EPERM), then finds the call's answer by binary search over runs of numbers that get the
 * same answer (0-19 are all allowed, say, so one run). A call's rules are tried in the profile's order;
 * the first whose argument conditions all hold decides; none: the default action.
 */
public final class SeccompCompiler {
    static final int AUDIT_ARCH_X86_64 = 0xC000_003E;
    static final int X32_SYSCALL_BIT = 0x4000_0000;

    /** The rules of one system call, each with its return value. */
    private record Entry(int nr, List<Rule> rules) {
        boolean unconditional() {
            return rules.getFirst().args().isEmpty();
        }
    }

    private record Rule(List<Seccomp.Arg> args, int action) {}

    /** Numbers from {@code first} on (to the next run) with one answer: a return value, or the rules of one call. */
    private record Run(int first, int action, Entry conditional) {}

    private final BpfAssembler asm = new BpfAssembler();
    private final int defaultAction;

    private SeccompCompiler(int defaultAction) {
        this.defaultAction = defaultAction;
    }

    /** The filter as the kernel takes it: {@code struct sock_filter[]}. */
    public static byte[] compile(Seccomp seccomp) {
        return Bpf.encode(program(seccomp, SyscallTable.x86_64()));
    }

    static List<Bpf.Insn> program(Seccomp seccomp, SyscallTable table) {
        int defaultAction = SeccompActions.returnValue(seccomp.defaultAction(), seccomp.defaultErrnoRet());
        SeccompCompiler compiler = new SeccompCompiler(defaultAction);
        compiler.emit(runs(entries(seccomp, table), defaultAction), table.highest());
        return compiler.asm.assemble();
    }

    /** By number; names the table does not know are skipped, as runc does (profiles name other architectures' calls). */
    private static List<Entry> entries(Seccomp seccomp, SyscallTable table) {
        List<List<Rule>> byNumber = new ArrayList<>(Collections.nCopies(table.highest() + 1, null));
        for (Seccomp.Rule rule : seccomp.syscalls()) {
            Rule compiled = new Rule(rule.args(), SeccompActions.returnValue(rule.action(), rule.errnoRet()));
            rule.args().forEach(SeccompCompiler::checkOperator);
            for (String name : rule.names()) {
                int nr = table.number(name).orElse(-1);
                if (nr >= 0) {
                    if (byNumber.get(nr) == null) {
                        byNumber.set(nr, new ArrayList<>());
                    }
                    byNumber.get(nr).add(compiled);
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (int nr = 0; nr < byNumber.size(); nr++) {
            if (byNumber.get(nr) != null) {
                entries.add(new Entry(nr, untilUnconditional(byNumber.get(nr))));
            }
        }
        return entries;
    }

    /** A rule without conditions always decides: the ones after it never run. */
    private static List<Rule> untilUnconditional(List<Rule> rules) {
        List<Rule> reachable = new ArrayList<>();
        for (Rule rule : rules) {
            reachable.add(rule);
            if (rule.args().isEmpty()) {
                break;
            }
        }
        return reachable;
    }

    /** From 0 up: neighbours with the same plain answer share a run; a call with conditions is a run of its own. */
    private static List<Run> runs(List<Entry> entries, int defaultAction) {
        List<Run> runs = new ArrayList<>();
        int next = 0;
        for (Entry entry : entries) {
            if (entry.nr() > next) {
                add(runs, new Run(next, defaultAction, null));
            }
            add(runs, entry.unconditional() ? new Run(entry.nr(), entry.rules().getFirst().action(), null)
                    : new Run(entry.nr(), 0, entry));
            next = entry.nr() + 1;
        }
        add(runs, new Run(next, defaultAction, null));
        return runs;
    }

    private static void add(List<Run> runs, Run run) {
        Run last = runs.isEmpty() ? null : runs.getLast();
        boolean same = last != null && last.conditional() == null && run.conditional() == null
                && last.action() == run.action();
        if (!same) {
            runs.add(run);
        }
    }

    /** The checks before the search, with their answers right after them: conditional jumps reach 255 ahead only. */
    private void emit(List<Run> runs, int highestKnown) {
        BpfAssembler.Label otherArch = asm.label();
        BpfAssembler.Label unknown = asm.label();
        BpfAssembler.Label known = asm.label();
        boolean stub = defaultAction != SeccompActions.ALLOW && defaultAction != SeccompActions.LOG;
        asm.load(Bpf.ARCH);
        asm.jump(Bpf.JMP_JEQ_K, AUDIT_ARCH_X86_64, null, otherArch);
        asm.load(Bpf.NR);
        asm.jump(Bpf.JMP_JGE_K, X32_SYSCALL_BIT, otherArch, null);
        asm.jump(Bpf.JMP_JGT_K, highestKnown, stub ? unknown : known, known);
        asm.bind(otherArch);
        asm.ret(SeccompActions.KILL_PROCESS);
        asm.bind(unknown);
        asm.ret(stub ? SeccompActions.ERRNO | SeccompActions.ENOSYS : defaultAction);
        asm.bind(known);
        search(runs, 0, runs.size());
    }

    /** A holds the number: split at the middle run's first number (JGE, then JA to the upper half) down to one run. */
    private void search(List<Run> runs, int from, int to) {
        if (to - from == 1) {
            Run run = runs.get(from);
            if (run.conditional() == null) {
                asm.ret(run.action());
            } else {
                block(run.conditional());
            }
            return;
        }
        int middle = (from + to) >>> 1;
        BpfAssembler.Label lower = asm.label();
        BpfAssembler.Label upper = asm.label();
        asm.jump(Bpf.JMP_JGE_K, runs.get(middle).first(), null, lower);
        asm.jumpAlways(upper);
        asm.bind(lower);
        search(runs, from, middle);
        asm.bind(upper);
        search(runs, middle, to);
    }

    private void block(Entry entry) {
        for (Rule rule : entry.rules()) {
            BpfAssembler.Label next = asm.label();
            rule.args().forEach(arg -> ArgumentCheck.emit(asm, arg, next));
            asm.ret(rule.action());
            asm.bind(next);
        }
        asm.ret(defaultAction);
    }

    private static void checkOperator(Seccomp.Arg arg) {
        if (!ArgumentCheck.OPERATORS.contains(arg.op())) {
            throw new SeccompException("seccomp profile: unknown operator " + arg.op());
        }
    }
}
