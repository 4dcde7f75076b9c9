package io.minicontainer.seccomp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Classic BPF, the language of seccomp filters: the few opcodes a filter needs, and the kernel's
 * {@code struct sock_filter} layout (u16 code, u8 jt, u8 jf, u32 k), eight bytes in host order.
 */
public final class Bpf {
    /** {@code A = *(u32 *)(seccomp_data + k)}. */
    public static final int LD_W_ABS = 0x20;
    public static final int ALU_AND_K = 0x54;
    public static final int JMP_JA = 0x05;
    public static final int JMP_JEQ_K = 0x15;
    public static final int JMP_JGT_K = 0x25;
    public static final int JMP_JGE_K = 0x35;
    public static final int RET_K = 0x06;

    /** The kernel refuses longer programs (BPF_MAXINSNS). */
    public static final int MAX_INSTRUCTIONS = 4096;

    /** Offsets in {@code struct seccomp_data}: nr, arch, then six u64 arguments from offset 16. */
    public static final int NR = 0;
    public static final int ARCH = 4;

    private Bpf() {}

    /** The low half of argument i (little-endian x86_64); its high half is 4 bytes on. */
    public static int argLow(int index) {
        return 16 + 8 * index;
    }

    public static int argHigh(int index) {
        return argLow(index) + 4;
    }

    /** One instruction; a conditional jump skips {@code jt} or {@code jf} instructions (0-255), JA skips {@code k}. */
    public record Insn(int code, int jt, int jf, int k) {
        public Insn {
            if (jt < 0 || jt > 255 || jf < 0 || jf > 255) {
                throw new IllegalArgumentException("jump offset out of range: " + jt + "/" + jf);
            }
        }

        public static Insn stmt(int code, int k) {
            return new Insn(code, 0, 0, k);
        }
    }

    public static byte[] encode(List<Insn> program) {
        ByteBuffer bytes = ByteBuffer.allocate(8 * program.size()).order(ByteOrder.nativeOrder());
        for (Insn insn : program) {
            bytes.putShort((short) insn.code()).put((byte) insn.jt()).put((byte) insn.jf()).putInt(insn.k());
        }
        return bytes.array();
    }
}
