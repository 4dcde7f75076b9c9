package io.minicontainer.cgroups;

import java.nio.file.Path;

/** The host's memory, which docker stats shows as the limit of a container that has none. */
final class HostMemory {
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private HostMemory() {}

    /** MemTotal in bytes, or -1 when /proc/meminfo does not say. */
    static long totalBytes() {
        return memTotal(CgroupFiles.readIfExists("read host memory", MEMINFO).orElse(""));
    }

    static long memTotal(String meminfo) {
        for (String line : meminfo.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length >= 2 && fields[0].equals("MemTotal:")) {
                long kib = CgroupFiles.parseLong(fields[1]).orElse(-1);
                return kib < 0 ? -1 : kib * 1024;
            }
        }
        return -1;
    }
}
