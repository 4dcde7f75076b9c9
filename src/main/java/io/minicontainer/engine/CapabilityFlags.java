package io.minicontainer.engine;

import io.minicontainer.runtime.Capability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * docker's {@code --cap-add} and {@code --cap-drop}: names with or without {@code CAP_}, in any case, or
 * {@code ALL}. As docker's CLI, a capability both added and dropped is added; then as its daemon: adding
 * ALL gives every capability but the dropped ones, dropping ALL gives only the added ones, and
 * otherwise the default set loses the dropped ones and gains the added ones. {@code --privileged}: all.
 * "All" is, as for docker, all that this process has: a capability the engine lacks (a restricted
 * host, a container) cannot be given.
 */
final class CapabilityFlags {
    private static final String ALL = "ALL";
    private static final Path STATUS = Path.of("/proc/self/status");

    private CapabilityFlags() {}

    /** The capabilities this process has (its effective set), CAP_ names in bit order. */
    static List<String> available() {
        try {
            long effective = Files.readAllLines(STATUS).stream().filter(line -> line.startsWith("CapEff:"))
                    .mapToLong(line -> Long.parseUnsignedLong(line.substring(7).strip(), 16)).findFirst().orElse(0);
            return Arrays.stream(Capability.values()).filter(cap -> (effective & cap.bit()) != 0)
                    .map(Capability::specName).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("read " + STATUS + ": " + e.getMessage(), e);
        }
    }

    static List<String> apply(List<String> defaults, List<String> add, List<String> drop, boolean privileged,
            List<String> available) {
        if (privileged) {
            return available;
        }
        Set<String> adds = normalized(add);
        Set<String> drops = normalized(drop);
        drops.removeAll(adds);
        check(adds, "CapAdd", available);
        check(drops, "CapDrop", available);
        if (adds.contains(ALL)) {
            return available.stream().filter(cap -> !drops.contains(cap)).toList();
        }
        List<String> result = new ArrayList<>();
        if (!drops.contains(ALL)) {
            defaults.stream().filter(cap -> !drops.contains(cap)).forEach(result::add);
        }
        adds.stream().filter(cap -> !result.contains(cap)).forEach(result::add);
        return result;
    }

    /** Upper case, CAP_ in front; ALL stands for all and outweighs any other name in its list. */
    private static Set<String> normalized(List<String> names) {
        Set<String> normalized = new LinkedHashSet<>();
        for (String name : names) {
            String upper = name.strip().toUpperCase(Locale.ROOT);
            normalized.add(upper.equals(ALL) || upper.startsWith("CAP_") ? upper : "CAP_" + upper);
        }
        return normalized.contains(ALL) ? new LinkedHashSet<>(Set.of(ALL)) : normalized;
    }

    private static void check(Set<String> names, String flag, List<String> available) {
        for (String name : names) {
            if (!name.equals(ALL) && Capability.byName(name).isEmpty()) {
                throw new EngineException("invalid " + flag + ": unknown capability: \"" + name + "\"");
            }
            if (!name.equals(ALL) && !available.contains(name)) {
                throw new EngineException("invalid " + flag + ": capability not supported by your kernel or not available"
                        + " in the current environment: \"" + name + "\"");
            }
        }
    }
}
