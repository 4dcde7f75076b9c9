package io.minicontainer.seccomp;

import io.minicontainer.json.Json;
import io.minicontainer.json.JsonException;
import io.minicontainer.json.JsonObject;
import io.minicontainer.oci.Seccomp;
import io.minicontainer.oci.SeccompJson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A seccomp profile in docker's format: the spec's filter plus, per rule, {@code includes} and
 * {@code excludes} by capability, architecture and kernel version, which {@link #resolve} applies for
 * one container (docker checks capabilities against the bounding set, and so does this). A plain OCI
 * filter is a docker profile without conditions.
 */
public record DockerProfile(String defaultAction, OptionalInt defaultErrnoRet, List<String> architectures,
        List<Entry> syscalls) {
    /** The architecture name docker's {@code includes.arches} use for x86_64 (Go's GOARCH). */
    static final String ARCH = "amd64";
    private static final String NATIVE_ARCH = "SCMP_ARCH_X86_64";

    public DockerProfile {
        architectures = List.copyOf(architectures);
        syscalls = List.copyOf(syscalls);
    }

    public record Entry(Seccomp.Rule rule, Conditions includes, Conditions excludes) {}

    /** Capabilities (all of them), architectures (any of them) and a minimum kernel version, e.g. "4.8". */
    public record Conditions(List<String> caps, List<String> arches, Optional<String> minKernel) {
        static final Conditions NONE = new Conditions(List.of(), List.of(), Optional.empty());

        public Conditions {
            caps = List.copyOf(caps);
            arches = List.copyOf(arches);
        }
    }

    private static final class Default {
        static final DockerProfile PROFILE = DefaultProfile.build();
    }

    /** MiniContainer's default profile ({@link DefaultProfile}): docker's semantics, see docs/security.md. */
    public static DockerProfile defaultProfile() {
        return Default.PROFILE;
    }

    /** A profile's JSON text; errors read as docker's ("Decoding seccomp profile failed: ..."). */
    public static DockerProfile parse(String text) {
        try {
            JsonObject json = JsonObject.of(Json.parse(text), "");
            List<JsonObject> archMap = json.objects("archMap");
            if (!archMap.isEmpty() && !json.strings("architectures").isEmpty()) {
                throw new SeccompException("both 'architectures' and 'archMap' are specified in the seccomp profile,"
                        + " use either 'architectures' or 'archMap'");
            }
            List<String> architectures = archMap.isEmpty() ? json.strings("architectures") : nativeArchitectures(archMap);
            List<Entry> entries = new ArrayList<>();
            for (JsonObject syscall : json.objects("syscalls")) {
                entries.add(new Entry(SeccompJson.readRule(syscall), conditions(syscall.object("includes")),
                        conditions(syscall.object("excludes"))));
            }
            OptionalInt errno = json.has("defaultErrnoRet") ? OptionalInt.of((int) json.number("defaultErrnoRet", 1))
                    : OptionalInt.empty();
            return new DockerProfile(json.string("defaultAction"), errno, architectures, entries);
        } catch (JsonException e) {
            throw new SeccompException("Decoding seccomp profile failed: " + e.getMessage());
        }
    }

    /** archMap: the entry of this machine's architecture, with its sub-architectures. */
    private static List<String> nativeArchitectures(List<JsonObject> archMap) {
        List<String> architectures = new ArrayList<>();
        for (JsonObject entry : archMap) {
            if (entry.string("architecture").equals(NATIVE_ARCH)) {
                architectures.add(NATIVE_ARCH);
                architectures.addAll(entry.strings("subArchitectures"));
            }
        }
        return architectures;
    }

    private static Conditions conditions(JsonObject json) {
        return new Conditions(json.strings("caps"), json.strings("arches"), Optional.ofNullable(json.string("minKernel", null)));
    }

    /** The filter for a container with this bounding set ({@code CAP_*} names) on a kernel of this release. */
    public Seccomp resolve(Collection<String> bounding, String kernelRelease) {
        List<Seccomp.Rule> rules = new ArrayList<>();
        for (Entry entry : syscalls) {
            if (applies(entry, bounding, kernelRelease)) {
                rules.add(entry.rule());
            }
        }
        return new Seccomp(defaultAction, defaultErrnoRet, architectures, rules);
    }

    private static boolean applies(Entry entry, Collection<String> bounding, String kernel) {
        Conditions in = entry.includes();
        Conditions out = entry.excludes();
        boolean excluded = out.arches().contains(ARCH) || out.caps().stream().anyMatch(bounding::contains)
                || out.minKernel().map(min -> KernelVersion.atLeast(kernel, min)).orElse(false);
        boolean included = (in.arches().isEmpty() || in.arches().contains(ARCH)) && bounding.containsAll(in.caps())
                && in.minKernel().map(min -> KernelVersion.atLeast(kernel, min)).orElse(true);
        return included && !excluded;
    }
}
