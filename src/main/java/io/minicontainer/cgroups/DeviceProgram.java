package io.minicontainer.cgroups;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A device cgroup for cgroup v2, which has no devices.allow: an eBPF program of type CGROUP_DEVICE
 * that the kernel runs on each open and mknod of a device, with {@code struct bpf_cgroup_dev_ctx}
 * (access_type: access << 16 | type; major; minor) in r1. It answers 1 to allow, 0 to refuse. The rules
 * are checked last first, so the last one that matches decides, as the same writes would on v1; a
 * rule matches an access it covers entirely (read and write on a read-only rule does not match).
 */
final class DeviceProgram {
    private static final int LDX_MEM_W = 0x61;
    private static final int MOV64_REG = 0xbf;
    private static final int MOV64_IMM = 0xb7;
    private static final int AND64_IMM = 0x57;
    private static final int RSH64_IMM = 0x77;
    private static final int JNE_IMM = 0x55;
    private static final int EXIT = 0x95;

    private static final int TYPE = 3;
    private static final int ACCESS = 2;
    private static final int MAJOR = 4;
    private static final int MINOR = 5;
    private static final int SCRATCH = 6;

    private record Insn(int code, int dst, int src, int off, int imm) {}

    private DeviceProgram() {}

    /** struct bpf_insn[] in host order. */
    static byte[] compile(List<DeviceAccess> rules) {
        List<Insn> program = new ArrayList<>(List.of(
                new Insn(LDX_MEM_W, ACCESS, 1, 0, 0),
                new Insn(MOV64_REG, TYPE, ACCESS, 0, 0),
                new Insn(AND64_IMM, TYPE, 0, 0, 0xffff),
                new Insn(RSH64_IMM, ACCESS, 0, 0, 16),
                new Insn(LDX_MEM_W, MAJOR, 1, 4, 0),
                new Insn(LDX_MEM_W, MINOR, 1, 8, 0)));
        for (DeviceAccess rule : rules.reversed()) {
            program.addAll(rule(rule));
            if (matchesAll(rule)) {
                return encode(program); // the verifier refuses code that cannot be reached
            }
        }
        program.add(new Insn(MOV64_IMM, 0, 0, 0, 0));
        program.add(new Insn(EXIT, 0, 0, 0, 0));
        return encode(program);
    }

    /** Tests that jump past the rule when they fail, then the rule's answer. */
    private static List<Insn> rule(DeviceAccess rule) {
        List<Insn> checks = new ArrayList<>();
        if (rule.type() != 'a') {
            checks.add(new Insn(JNE_IMM, TYPE, 0, 0, rule.type() == 'b' ? 1 : 2));
        }
        if (rule.major() != DeviceAccess.ANY) {
            checks.add(new Insn(JNE_IMM, MAJOR, 0, 0, (int) rule.major()));
        }
        if (rule.minor() != DeviceAccess.ANY) {
            checks.add(new Insn(JNE_IMM, MINOR, 0, 0, (int) rule.minor()));
        }
        int uncovered = ~accessBits(rule.access()) & 7;
        if (uncovered != 0) {
            checks.add(new Insn(MOV64_REG, SCRATCH, ACCESS, 0, 0));
            checks.add(new Insn(AND64_IMM, SCRATCH, 0, 0, uncovered));
            checks.add(new Insn(JNE_IMM, SCRATCH, 0, 0, 0));
        }
        int length = checks.size() + 2;
        List<Insn> block = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            Insn check = checks.get(i);
            block.add(check.code() == JNE_IMM ? new Insn(JNE_IMM, check.dst(), 0, length - i - 1, check.imm()) : check);
        }
        block.add(new Insn(MOV64_IMM, 0, 0, 0, rule.allow() ? 1 : 0));
        block.add(new Insn(EXIT, 0, 0, 0, 0));
        return block;
    }

    private static boolean matchesAll(DeviceAccess rule) {
        return rule.type() == 'a' && rule.major() == DeviceAccess.ANY && rule.minor() == DeviceAccess.ANY
                && accessBits(rule.access()) == 7;
    }

    /** BPF_DEVCG_ACC_MKNOD 1, READ 2, WRITE 4. */
    private static int accessBits(String access) {
        return (access.indexOf('m') >= 0 ? 1 : 0) | (access.indexOf('r') >= 0 ? 2 : 0) | (access.indexOf('w') >= 0 ? 4 : 0);
    }

    private static byte[] encode(List<Insn> program) {
        ByteBuffer bytes = ByteBuffer.allocate(8 * program.size()).order(ByteOrder.nativeOrder());
        for (Insn insn : program) {
            bytes.put((byte) insn.code()).put((byte) (insn.src() << 4 | insn.dst())).putShort((short) insn.off())
                    .putInt(insn.imm());
        }
        return bytes.array();
    }
}
