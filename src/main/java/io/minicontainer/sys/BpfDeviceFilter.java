package io.minicontainer.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * bpf(2) for cgroup v2's device filter: loads a BPF_PROG_TYPE_CGROUP_DEVICE program and attaches it
 * to a cgroup directory. The attachment keeps the program alive until the cgroup is removed, so
 * neither descriptor is kept.
 */
@SuppressWarnings("restricted") // FFM lives in sys only
public final class BpfDeviceFilter {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final long BPF_PROG_LOAD = 5;
    private static final long BPF_PROG_ATTACH = 8;
    private static final int BPF_PROG_TYPE_CGROUP_DEVICE = 15;
    private static final int BPF_CGROUP_DEVICE = 6;
    private static final int BPF_F_ALLOW_MULTI = 2;
    private static final int ATTR_SIZE = 128;
    private static final int LOG_SIZE = 1 << 16;
    private static final int O_RDONLY_DIRECTORY = 0200000 | 02000000; // O_DIRECTORY | O_CLOEXEC

    private static final class Calls {
        static final MethodHandle SYSCALL = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("syscall"),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                        ValueLayout.ADDRESS, ValueLayout.JAVA_LONG),
                Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));
        // open(2) is variadic; without O_CREAT the mode is never read, so two fixed arguments suffice
        static final MethodHandle OPEN = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("open"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
                Linker.Option.captureCallState("errno"));
    }

    private BpfDeviceFilter() {}

    /** Loads {@code instructions} (8 bytes each) and attaches them to the cgroup at {@code cgroupDir}. */
    public static void attach(Path cgroupDir, byte[] instructions) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            int program = load(arena, state, instructions);
            try {
                int cgroup = (int) Calls.OPEN.invokeExact(state, arena.allocateFrom(cgroupDir.toString()),
                        O_RDONLY_DIRECTORY);
                Errno.check(cgroup, state, "open", cgroupDir.toString());
                try {
                    MemorySegment attr = arena.allocate(ATTR_SIZE);
                    attr.set(ValueLayout.JAVA_INT, 0, cgroup); // target_fd
                    attr.set(ValueLayout.JAVA_INT, 4, program); // attach_bpf_fd
                    attr.set(ValueLayout.JAVA_INT, 8, BPF_CGROUP_DEVICE); // attach_type
                    attr.set(ValueLayout.JAVA_INT, 12, BPF_F_ALLOW_MULTI); // attach_flags
                    long rc = (long) Calls.SYSCALL.invokeExact(state, bpfNumber(), BPF_PROG_ATTACH, attr, (long) ATTR_SIZE);
                    Errno.check((int) rc, state, "bpf(BPF_PROG_ATTACH)", cgroupDir.toString());
                } finally {
                    Descriptors.closeQuietly(cgroup);
                }
            } finally {
                Descriptors.closeQuietly(program);
            }
        } catch (Throwable t) {
            throw Errno.rethrown(t, "attach the device filter to " + cgroupDir);
        }
    }

    /** The program's descriptor; a refusal carries the verifier's last line. */
    private static int load(Arena arena, MemorySegment state, byte[] instructions) throws Throwable {
        MemorySegment code = arena.allocate(instructions.length, 8);
        code.copyFrom(MemorySegment.ofArray(instructions));
        MemorySegment log = arena.allocate(LOG_SIZE);
        MemorySegment attr = arena.allocate(ATTR_SIZE);
        attr.set(ValueLayout.JAVA_INT, 0, BPF_PROG_TYPE_CGROUP_DEVICE); // prog_type
        attr.set(ValueLayout.JAVA_INT, 4, instructions.length / 8); // insn_cnt
        attr.set(ValueLayout.JAVA_LONG, 8, code.address()); // insns
        attr.set(ValueLayout.JAVA_LONG, 16, arena.allocateFrom("Apache-2.0").address()); // license
        attr.set(ValueLayout.JAVA_INT, 24, 1); // log_level
        attr.set(ValueLayout.JAVA_INT, 28, LOG_SIZE); // log_size
        attr.set(ValueLayout.JAVA_LONG, 32, log.address()); // log_buf
        long fd = (long) Calls.SYSCALL.invokeExact(state, bpfNumber(), BPF_PROG_LOAD, attr, (long) ATTR_SIZE);
        if (fd < 0) {
            int errno = (int) Errno.ERRNO.get(state, 0L);
            String verifier = log.getString(0, StandardCharsets.UTF_8).strip();
            String last = verifier.isEmpty() ? "" : " (" + verifier.lines().findFirst().orElse("") + ")";
            throw new SyscallException("bpf(BPF_PROG_LOAD)", "device filter" + last, errno, Libc.strerror(errno));
        }
        return (int) fd;
    }

    /** bpf(2)'s number: x86-64 and arm64, the machines this engine is built for. */
    private static long bpfNumber() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> 321;
            case "aarch64" -> 280;
            default -> throw new UnsupportedOperationException("bpf(2) on " + System.getProperty("os.arch"));
        };
    }
}
