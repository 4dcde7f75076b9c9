package io.minicontainer.seccomp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * System call names and numbers of x86_64, from the resource {@code syscalls-x86_64.txt}. That file
 * is generated at development time by {@code scripts/gen-syscall-table} from the kernel's UAPI header
 * {@code asm/unistd_64.h} (linux-libc-dev) and committed, so the build needs no kernel headers.
 */
public final class SyscallTable {
    private static final String RESOURCE = "syscalls-x86_64.txt";

    private final Map<String, Integer> numbers;
    private final int highest;

    SyscallTable(Map<String, Integer> numbers) {
        this.numbers = Map.copyOf(numbers);
        this.highest = numbers.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
    }

    private static final class Holder {
        static final SyscallTable X86_64 = load();
    }

    public static SyscallTable x86_64() {
        return Holder.X86_64;
    }

    public OptionalInt number(String name) {
        Integer number = numbers.get(name);
        return number == null ? OptionalInt.empty() : OptionalInt.of(number);
    }

    /** The highest number this table knows: anything above is a system call newer than the table. */
    public int highest() {
        return highest;
    }

    private static SyscallTable load() {
        try (InputStream in = SyscallTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            }
            Map<String, Integer> numbers = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                numbers.put(line.substring(0, space), Integer.parseInt(line.substring(space + 1).strip()));
            }
            return new SyscallTable(numbers);
        } catch (IOException e) {
            throw new UncheckedIOException("read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
