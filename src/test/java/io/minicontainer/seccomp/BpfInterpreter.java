package io.minicontainer.seccomp;

import java.util.List;

/**
 * Runs a classic BPF program on a {@code struct seccomp_data} the way the kernel's seccomp does:
 * 32-bit A and X registers, 16 scratch words, word loads at absolute offsets into the 64-byte data,
 * forward jumps only. Anything the kernel would refuse (a load outside the data, a jump past the
 * end, falling off the end) fails the test.
 */
final class BpfInterpreter {
    private static final int DATA_SIZE = 64;

    /** What the filter sees of one system call. */
    record SeccompData(int nr, int arch, long[] args) {
        static SeccompData x86_64(int nr, long... args) {
            long[] all = new long[6];
            System.arraycopy(args, 0, all, 0, args.length);
            return new SeccompData(nr, SeccompCompiler.AUDIT_ARCH_X86_64, all);
        }

        int word(int offset) {
            if (offset < 0 || offset > DATA_SIZE - 4 || offset % 4 != 0) {
                throw new AssertionError("load outside seccomp_data: offset " + offset);
            }
            return switch (offset) {
                case 0 -> nr;
                case 4 -> arch;
                case 8, 12 -> 0; // instruction pointer
                default -> {
                    long arg = args[(offset - 16) / 8];
                    yield (offset - 16) % 8 == 0 ? (int) arg : (int) (arg >>> 32);
                }
            };
        }
    }

    private BpfInterpreter() {}

    /** The filter's return value for this call; also counts the instructions it ran in {@code steps[0]}. */
    static int run(List<Bpf.Insn> program, SeccompData data, int[] steps) {
        int a = 0;
        int x = 0;
        int[] scratch = new int[16];
        int pc = 0;
        while (true) {
            if (pc >= program.size()) {
                throw new AssertionError("fell off the end of the program");
            }
            Bpf.Insn insn = program.get(pc++);
            steps[0]++;
            int k = insn.k();
            int code = insn.code();
            switch (code & 0x07) {
                case 0x00 -> a = switch (code) { // LD
                    case 0x20 -> data.word(k);
                    case 0x00 -> k;
                    case 0x60 -> scratch[k];
                    default -> throw unsupported(code);
                };
                case 0x01 -> x = switch (code) { // LDX
                    case 0x01 -> k;
                    case 0x61 -> scratch[k];
                    default -> throw unsupported(code);
                };
                case 0x02 -> scratch[k] = a; // ST
                case 0x03 -> scratch[k] = x; // STX
                case 0x04 -> a = alu(code, a, (code & 0x08) != 0 ? x : k);
                case 0x05 -> pc += jump(insn, a, x);
                case 0x06 -> {
                    return (code & 0x18) == 0x10 ? a : k; // RET A or RET K
                }
                case 0x07 -> {
                    if ((code & 0xf8) == 0) {
                        x = a; // TAX
                    } else {
                        a = x; // TXA
                    }
                }
                default -> throw unsupported(code);
            }
            if (pc > program.size()) {
                throw new AssertionError("jump past the end of the program");
            }
        }
    }

    static int run(List<Bpf.Insn> program, SeccompData data) {
        return run(program, data, new int[1]);
    }

    private static int alu(int code, int a, int operand) {
        return switch (code & 0xf0) {
            case 0x00 -> a + operand;
            case 0x10 -> a - operand;
            case 0x20 -> a * operand;
            case 0x30 -> Integer.divideUnsigned(a, operand);
            case 0x40 -> a | operand;
            case 0x50 -> a & operand;
            case 0x60 -> a << operand;
            case 0x70 -> a >>> operand;
            case 0x80 -> -a;
            case 0x90 -> Integer.remainderUnsigned(a, operand);
            case 0xa0 -> a ^ operand;
            default -> throw unsupported(code);
        };
    }

    /** How many instructions to skip; comparisons are unsigned. */
    private static int jump(Bpf.Insn insn, int a, int x) {
        int op = insn.code() & 0xf0;
        if (op == 0x00) {
            return insn.k(); // JA
        }
        int operand = (insn.code() & 0x08) != 0 ? x : insn.k();
        boolean taken = switch (op) {
            case 0x10 -> a == operand;
            case 0x20 -> Integer.compareUnsigned(a, operand) > 0;
            case 0x30 -> Integer.compareUnsigned(a, operand) >= 0;
            case 0x40 -> (a & operand) != 0;
            default -> throw unsupported(insn.code());
        };
        return taken ? insn.jt() : insn.jf();
    }

    private static AssertionError unsupported(int code) {
        return new AssertionError("unsupported BPF opcode 0x" + Integer.toHexString(code));
    }
}
