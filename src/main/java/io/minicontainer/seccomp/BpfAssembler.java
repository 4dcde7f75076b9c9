package io.minicontainer.seccomp;

import java.util.ArrayList;
import java.util.List;

/**
 * Emits classic BPF with symbolic forward jumps, resolved once the program is complete. Conditional
 * jumps reach at most 255 instructions ahead: the compiler keeps them local and bridges longer
 * distances with {@code JA}, whose 32-bit offset reaches anywhere.
 */
final class BpfAssembler {
    /** A place in the program, bound once. */
    static final class Label {
        private int position = -1;
    }

    /** An instruction whose targets are labels (null: the next instruction). */
    private record Pending(int code, int k, Label jt, Label jf) {}

    private final List<Pending> code = new ArrayList<>();

    Label label() {
        return new Label();
    }

    void bind(Label label) {
        if (label.position >= 0) {
            throw new IllegalStateException("label bound twice");
        }
        label.position = code.size();
    }

    void stmt(int opcode, int k) {
        code.add(new Pending(opcode, k, null, null));
    }

    void load(int offset) {
        stmt(Bpf.LD_W_ABS, offset);
    }

    void ret(int value) {
        stmt(Bpf.RET_K, value);
    }

    /** {@code if (A op k) goto ifTrue else goto ifFalse}; null continues with the next instruction. */
    void jump(int opcode, int k, Label ifTrue, Label ifFalse) {
        code.add(new Pending(opcode, k, ifTrue, ifFalse));
    }

    void jumpAlways(Label target) {
        code.add(new Pending(Bpf.JMP_JA, 0, target, null));
    }

    List<Bpf.Insn> assemble() {
        if (code.size() > Bpf.MAX_INSTRUCTIONS) {
            throw new SeccompException("seccomp profile too large: " + code.size() + " BPF instructions, the kernel takes "
                    + Bpf.MAX_INSTRUCTIONS);
        }
        List<Bpf.Insn> program = new ArrayList<>(code.size());
        for (int at = 0; at < code.size(); at++) {
            Pending p = code.get(at);
            if (p.code() == Bpf.JMP_JA) {
                program.add(Bpf.Insn.stmt(Bpf.JMP_JA, skip(at, p.jt())));
            } else {
                program.add(new Bpf.Insn(p.code(), conditional(at, p.jt()), conditional(at, p.jf()), p.k()));
            }
        }
        return program;
    }

    private int conditional(int at, Label target) {
        int skip = skip(at, target);
        if (skip > 255) {
            throw new SeccompException("seccomp profile too complex: a rule spans more than 255 BPF instructions");
        }
        return skip;
    }

    private int skip(int at, Label target) {
        if (target == null) {
            return 0;
        }
        if (target.position <= at) {
            throw new IllegalStateException("jump to an unbound or earlier label");
        }
        return target.position - at - 1;
    }
}
