package io.minicontainer.seccomp;

import io.minicontainer.oci.Seccomp;
import java.util.Set;

/**
 * One argument condition in classic BPF, whose registers are 32 bits: the 64-bit argument is compared
 * as its high half, then (when the high halves are equal) its low half, unsigned, as libseccomp does.
 * Falls through when the condition holds, jumps to {@code fail} when it does not.
 */
final class ArgumentCheck {
    static final Set<String> OPERATORS = Set.of("SCMP_CMP_EQ", "SCMP_CMP_NE", "SCMP_CMP_LT", "SCMP_CMP_LE",
            "SCMP_CMP_GT", "SCMP_CMP_GE", "SCMP_CMP_MASKED_EQ");

    private ArgumentCheck() {}

    static void emit(BpfAssembler asm, Seccomp.Arg arg, BpfAssembler.Label fail) {
        int high = (int) (arg.value() >>> 32);
        int low = (int) arg.value();
        BpfAssembler.Label pass = asm.label();
        asm.load(Bpf.argHigh(arg.index()));
        switch (arg.op()) {
            case "SCMP_CMP_EQ" -> {
                asm.jump(Bpf.JMP_JEQ_K, high, null, fail);
                asm.load(Bpf.argLow(arg.index()));
                asm.jump(Bpf.JMP_JEQ_K, low, null, fail);
            }
            case "SCMP_CMP_NE" -> {
                asm.jump(Bpf.JMP_JEQ_K, high, null, pass);
                asm.load(Bpf.argLow(arg.index()));
                asm.jump(Bpf.JMP_JEQ_K, low, fail, null);
            }
            case "SCMP_CMP_GT", "SCMP_CMP_GE" -> {
                asm.jump(Bpf.JMP_JGT_K, high, pass, null);
                asm.jump(Bpf.JMP_JEQ_K, high, null, fail);
                asm.load(Bpf.argLow(arg.index()));
                asm.jump(arg.op().equals("SCMP_CMP_GT") ? Bpf.JMP_JGT_K : Bpf.JMP_JGE_K, low, null, fail);
            }
            case "SCMP_CMP_LT", "SCMP_CMP_LE" -> {
                asm.jump(Bpf.JMP_JGT_K, high, fail, null);
                asm.jump(Bpf.JMP_JEQ_K, high, null, pass);
                asm.load(Bpf.argLow(arg.index()));
                asm.jump(arg.op().equals("SCMP_CMP_LT") ? Bpf.JMP_JGE_K : Bpf.JMP_JGT_K, low, fail, null);
            }
            case "SCMP_CMP_MASKED_EQ" -> {
                asm.stmt(Bpf.ALU_AND_K, high);
                asm.jump(Bpf.JMP_JEQ_K, (int) (arg.valueTwo() >>> 32), null, fail);
                asm.load(Bpf.argLow(arg.index()));
                asm.stmt(Bpf.ALU_AND_K, low);
                asm.jump(Bpf.JMP_JEQ_K, (int) arg.valueTwo(), null, fail);
            }
            default -> throw new SeccompException("seccomp profile: unknown operator " + arg.op());
        }
        asm.bind(pass);
    }
}
