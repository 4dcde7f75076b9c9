package io.minicontainer.cgroups;

import io.minicontainer.oci.Spec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * cgroup v2's device filter: the rules as an eBPF program of type BPF_PROG_TYPE_CGROUP_DEVICE. The
 * kernel runs it on each open or mknod of a device node with {@code struct bpf_cgroup_dev_ctx}
 * ({@code access << 16 | type}, major, minor) in r1; returning 1 allows, 0 refuses (EPERM).
 *
 * <p>The rules are checked last first, and the first that matches decides: the same answer as
 * cgroup v1, where later rules override earlier ones. Nothing matching refuses; a rule matching
 * everything (the usual first one, deny all) ends the program.
 */
final class DeviceFilterProgram {
    private static final int DEV_BLOCK = 1;
    private static final int DEV_CHAR = 2;
    private static final int ACC_MKNOD = 1;
    private static final int ACC_READ = 2;
    private static final int ACC_WRITE = 4;
    private static final int ALL_ACCESS = ACC_MKNOD | ACC_READ | ACC_WRITE;
    // opcodes (linux/bpf.h): class | operation | source
    private static final int LDX_MEM_W = 0x61;
    private static final int ALU32_MOV_REG = 0xbc;
    private static final int ALU32_AND_IMM = 0x54;
    private static final int ALU32_RSH_IMM = 0x74;
    private static final int ALU64_MOV_IMM = 0xb7;
    private static final int JNE_IMM = 0x55;
    private static final int EXIT = 0x95;
    private static final int INSTRUCTION_SIZE = 8;

    private record Instruction(int opcode, int dst, int src, int offset, int immediate) {}

    private DeviceFilterProgram() {}

    /** The program's instructions, 8 bytes each, in this machine's byte order (little-endian only). */
    static byte[] compile(List<Spec.DeviceRule> rules) {
        List<Instruction> program = new ArrayList<>(List.of(
                new Instruction(LDX_MEM_W, 2, 1, 0, 0), // r2 = access << 16 | type
                new Instruction(ALU32_MOV_REG, 3, 2, 0, 0),
                new Instruction(ALU32_AND_IMM, 2, 0, 0, 0xffff), // r2 = type
                new Instruction(ALU32_RSH_IMM, 3, 0, 0, 16), // r3 = access
                new Instruction(LDX_MEM_W, 4, 1, 4, 0), // r4 = major
                new Instruction(LDX_MEM_W, 5, 1, 8, 0))); // r5 = minor
        for (Spec.DeviceRule rule : rules.reversed()) {
            List<Instruction> block = block(rule);
            program.addAll(block);
            if (block.size() == 2) { // it matches every device: what follows could never run, which the verifier refuses
                return encode(program);
            }
        }
        program.add(new Instruction(ALU64_MOV_IMM, 0, 0, 0, 0));
        program.add(new Instruction(EXIT, 0, 0, 0, 0));
        return encode(program);
    }

    /** One rule: each field it names is compared, a mismatch jumps past the block; a match returns its answer. */
    private static List<Instruction> block(Spec.DeviceRule rule) {
        List<int[]> checks = new ArrayList<>(); // {register, value}, or a register -1 for the access check
        if (!rule.type().equals("a")) {
            checks.add(new int[] {2, rule.type().equals("b") ? DEV_BLOCK : DEV_CHAR});
        }
        int access = access(rule.access());
        if (access != ALL_ACCESS) {
            checks.add(new int[] {-1, access});
        }
        if (rule.major() >= 0) {
            checks.add(new int[] {4, (int) rule.major()});
        }
        if (rule.minor() >= 0) {
            checks.add(new int[] {5, (int) rule.minor()});
        }
        int length = checks.size() + (int) checks.stream().filter(c -> c[0] == -1).count() * 2 + 2;
        List<Instruction> block = new ArrayList<>();
        for (int[] check : checks) {
            if (check[0] == -1) { // asked-for access outside the rule's: r1 = access & ~rule's, nonzero skips
                block.add(new Instruction(ALU32_MOV_REG, 1, 3, 0, 0));
                block.add(new Instruction(ALU32_AND_IMM, 1, 0, 0, ALL_ACCESS & ~check[1]));
                block.add(new Instruction(JNE_IMM, 1, 0, length - block.size() - 1, 0));
            } else {
                block.add(new Instruction(JNE_IMM, check[0], 0, length - block.size() - 1, check[1]));
            }
        }
        block.add(new Instruction(ALU64_MOV_IMM, 0, 0, 0, rule.allow() ? 1 : 0));
        block.add(new Instruction(EXIT, 0, 0, 0, 0));
        return block;
    }

    static int access(String letters) {
        int bits = 0;
        for (char letter : letters.toCharArray()) {
            bits |= switch (letter) {
                case 'm' -> ACC_MKNOD;
                case 'r' -> ACC_READ;
                case 'w' -> ACC_WRITE;
                default -> throw new CgroupException("device rule access \"" + letters + "\": only r, w and m");
            };
        }
        return bits;
    }

    private static byte[] encode(List<Instruction> program) {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new CgroupException("the eBPF device filter is only built for little-endian machines");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(program.size() * INSTRUCTION_SIZE);
        for (Instruction i : program) {
            ByteBuffer one = ByteBuffer.allocate(INSTRUCTION_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            one.put((byte) i.opcode()).put((byte) (i.src() << 4 | i.dst())).putShort((short) i.offset()).putInt(i.immediate());
            bytes.writeBytes(one.array());
        }
        return bytes.toByteArray();
    }
}
