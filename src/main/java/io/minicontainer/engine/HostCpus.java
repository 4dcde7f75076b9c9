package io.minicontainer.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The host's CPUs as the resource checks and stats see them: how many this process may use (docker's
 * runtime.NumCPU) and the kernel's list of online ones ({@code 0-3}). A parameter, so tests are deterministic.
 */
public record HostCpus(int count, String online) {
    private static final Path ONLINE = Path.of("/sys/devices/system/cpu/online");

    public static HostCpus current() {
        int count = Runtime.getRuntime().availableProcessors();
        try {
            return new HostCpus(count, Files.readString(ONLINE).strip());
        } catch (IOException e) {
            return new HostCpus(count, count == 1 ? "0" : "0-" + (count - 1));
        }
    }
}
