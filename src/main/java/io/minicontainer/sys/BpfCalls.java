package io.minicontainer.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * bpf(2) for cgroup v2's device control, which has no file to write: load an eBPF program of type
 * BPF_PROG_TYPE_CGROUP_DEVICE and attach it to a cgroup directory. The attachment keeps the program
 * alive, so both descriptors are closed again; removing the cgroup detaches it.
 */
@SuppressWarnings("restricted") // FFM lives in sys only
public final class BpfCalls {
    private static final long SYS_BPF = 321;
    private static final int BPF_PROG_LOAD = 5;
    private static final int BPF_PROG_ATTACH = 8;
    private static final int BPF_PROG_TYPE_CGROUP_DEVICE = 15;
    private static final int BPF_CGROUP_DEVICE = 6;
    /** Several programs may run for one cgroup (a parent's too): all must allow. */
    private static final int BPF_F_ALLOW_MULTI = 2;
    private static final int O_RDONLY_DIRECTORY = 0200000;
    private static final int ATTR_SIZE = 128;
    private static final int LOG_SIZE = 16 * 1024;

    private static final class Calls {
        private static final Linker LINKER = Linker.nativeLinker();
        /** syscall(2) is variadic from its second argument. */
        static final MethodHandle SYSCALL = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("syscall"),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
                        ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
                Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));
        static final MethodHandle OPEN = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("open"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
                Linker.Option.captureCallState("errno"));
    }

    private BpfCalls() {}

    /** Loads {@code program} (struct bpf_insn[], host order) and attaches it to the cgroup at {@code cgroupDir}. */
    public static void attachDeviceProgram(Path cgroupDir, byte[] program) {
        int cgroup = -1;
        int loaded = -1;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            cgroup = (int) Calls.OPEN.invokeExact(state, arena.allocateFrom(cgroupDir.toString()), O_RDONLY_DIRECTORY);
            Errno.check(cgroup, state, "open", cgroupDir.toString());
            loaded = load(arena, state, program);
            MemorySegment attr = arena.allocate(ATTR_SIZE);
            attr.set(ValueLayout.JAVA_INT, 0, cgroup);
            attr.set(ValueLayout.JAVA_INT, 4, loaded);
            attr.set(ValueLayout.JAVA_INT, 8, BPF_CGROUP_DEVICE);
            attr.set(ValueLayout.JAVA_INT, 12, BPF_F_ALLOW_MULTI);
            long rc = (long) Calls.SYSCALL.invokeExact(state, SYS_BPF, BPF_PROG_ATTACH, attr, ATTR_SIZE);
            Errno.check((int) rc, state, "bpf(BPF_PROG_ATTACH)", cgroupDir.toString());
        } catch (Throwable t) {
            throw Errno.rethrown(t, "attach a device program to " + cgroupDir);
        } finally {
            if (loaded >= 0) {
                Descriptors.closeQuietly(loaded);
            }
            if (cgroup >= 0) {
                Descriptors.closeQuietly(cgroup);
            }
        }
    }

    /** BPF_PROG_LOAD (the license is asked for; the program calls no helper, whose license would matter); a refusal
     * carries the verifier's first complaint. */
    private static int load(Arena arena, MemorySegment state, byte[] program) throws Throwable {
        MemorySegment insns = arena.allocate(program.length, 8);
        insns.copyFrom(MemorySegment.ofArray(program));
        MemorySegment log = arena.allocate(LOG_SIZE);
        MemorySegment attr = arena.allocate(ATTR_SIZE);
        attr.set(ValueLayout.JAVA_INT, 0, BPF_PROG_TYPE_CGROUP_DEVICE);
        attr.set(ValueLayout.JAVA_INT, 4, program.length / 8);
        attr.set(ValueLayout.JAVA_LONG, 8, insns.address());
        attr.set(ValueLayout.JAVA_LONG, 16, arena.allocateFrom("GPL").address());
        attr.set(ValueLayout.JAVA_INT, 24, 1);
        attr.set(ValueLayout.JAVA_INT, 28, LOG_SIZE);
        attr.set(ValueLayout.JAVA_LONG, 32, log.address());
        long fd = (long) Calls.SYSCALL.invokeExact(state, SYS_BPF, BPF_PROG_LOAD, attr, ATTR_SIZE);
        if (fd < 0) {
            int errno = (int) Errno.ERRNO.get(state, 0L);
            String verifier = log.getString(0).strip();
            String first = verifier.isEmpty() ? "" : " (" + verifier.lines().findFirst().orElse("") + ")";
            throw new SyscallException("bpf(BPF_PROG_LOAD)", "device program" + first, errno, Libc.strerror(errno));
        }
        return (int) fd;
    }
}
