package io.minicontainer.seccomp;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * System call names and numbers of x86_64, from {@link SyscallNumbers}, which
 * {@code scripts/gen-syscall-table} generates from the kernel's UAPI header {@code asm/unistd_64.h}.
 */
public final class SyscallTable {
    private final Map<String, Integer> numbers;
    private final int highest;

    SyscallTable(Map<String, Integer> numbers) {
        this.numbers = Map.copyOf(numbers);
        this.highest = numbers.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
    }

    private static final class Holder {
        static final SyscallTable X86_64 = fromNames(SyscallNumbers.NAMES);
    }

    public static SyscallTable x86_64() {
        return Holder.X86_64;
    }

    static SyscallTable fromNames(String[] names) {
        Map<String, Integer> numbers = new HashMap<>();
        for (int nr = 0; nr < names.length; nr++) {
            if (names[nr] != null) {
                numbers.put(names[nr], nr);
            }
        }
        return new SyscallTable(numbers);
    }

    public OptionalInt number(String name) {
        Integer number = numbers.get(name);
        return number == null ? OptionalInt.empty() : OptionalInt.of(number);
    }

    /** The highest number this table knows: anything above is a system call newer than the table. */
    public int highest() {
        return highest;
    }
}
