package io.minicontainer.cgroups;

import java.util.Optional;
import java.util.OptionalLong;

/** The arithmetic docker stats does on cgroup files, the same for v1 and v2 but for names. */
final class StatFiles {
    /** Above this a v1 limit is the kernel's "unlimited" (PAGE_COUNTER_MAX pages, near 2^63). */
    private static final long V1_UNLIMITED = 1L << 62;

    private StatFiles() {}

    /** Bytes read and written. */
    record ReadWrite(long read, long written) {
        static final ReadWrite UNKNOWN = new ReadWrite(-1, -1);
    }

    /** Usage minus the inactive page cache (which the kernel drops before it would OOM), as docker shows it. */
    static long memoryInUse(OptionalLong usage, Optional<String> memoryStat, String inactiveFileKey) {
        if (usage.isEmpty()) {
            return -1;
        }
        long inactive = memoryStat.map(text -> CgroupFiles.keyedValue(text, inactiveFileKey)).orElse(OptionalLong.empty())
                .orElse(0);
        long used = usage.getAsLong();
        return inactive < used ? used - inactive : used;
    }

    /** The limit; the host's memory when there is none ("max" on v2, a number near 2^63 on v1). */
    static long memoryLimit(Optional<String> limitFile) {
        if (limitFile.isEmpty()) {
            return -1;
        }
        OptionalLong limit = CgroupFiles.parseLong(limitFile.get().strip());
        if (limit.isEmpty() || limit.getAsLong() >= V1_UNLIMITED) {
            return HostMemory.totalBytes();
        }
        return limit.getAsLong();
    }

    /** io.stat: "8:0 rbytes=1 wbytes=2 rios=..." per device, summed. */
    static ReadWrite ioStat(String text) {
        long read = 0;
        long written = 0;
        for (String line : text.split("\n")) {
            for (String field : line.strip().split("\\s+")) {
                if (field.startsWith("rbytes=")) {
                    read += CgroupFiles.parseLong(field.substring("rbytes=".length())).orElse(0);
                } else if (field.startsWith("wbytes=")) {
                    written += CgroupFiles.parseLong(field.substring("wbytes=".length())).orElse(0);
                }
            }
        }
        return new ReadWrite(read, written);
    }

    /** blkio's io_service_bytes: "8:0 Read 1", "8:0 Write 2", ..., "Total 3"; the Read and Write lines summed. */
    static ReadWrite blkio(String text) {
        long read = 0;
        long written = 0;
        for (String line : text.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 3 && fields[1].equals("Read")) {
                read += CgroupFiles.parseLong(fields[2]).orElse(0);
            } else if (fields.length == 3 && fields[1].equals("Write")) {
                written += CgroupFiles.parseLong(fields[2]).orElse(0);
            }
        }
        return new ReadWrite(read, written);
    }
}
