package io.minicontainer.engine.mount;

import io.minicontainer.engine.EngineException;
import io.minicontainer.engine.volume.VolumeNames;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code -v, --volume}: {@code HOST:CONTAINER[:MODE]}, {@code NAME:CONTAINER[:MODE]} or
 * {@code CONTAINER}, with docker's CLI and daemon rules and messages. MODE is a comma list with at
 * most one of each kind: ro|rw, z|Z (SELinux labels: accepted and ignored, there is no SELinux
 * here), a propagation (private and rprivate only), nocopy, consistent|cached|delegated (ignored).
 */
public final class VolumeFlag {
    private static final Map<String, String> MODE_KINDS = modeKinds();

    private VolumeFlag() {}

    public static MountRequest parse(String spec, Path cwd) {
        List<String> sections = sections(spec);
        String source = sections.size() == 1 ? "" : sections.get(0);
        String target = sections.size() == 1 ? sections.get(0) : sections.get(1);
        String mode = sections.size() == 3 ? sections.get(2) : "";
        if (sections.size() == 2 && validMode(sections.get(1))) {
            throw new EngineException(invalidSpec(spec)); // /data:ro is a target with a mode but no source
        }
        if (!validMode(mode)) {
            throw new EngineException("invalid mode: " + mode);
        }
        source = MountPaths.resolveDotted(source, cwd);
        boolean bind = source.startsWith("/");
        String type = bind ? "bind" : "volume";
        Optional<String> propagation = modes(mode).stream().filter(MountPropagation.ALL::contains).findFirst();
        MountPaths.targetProblem(target).ifPresent(problem -> {
            throw new EngineException(invalidSpec(spec) + ": " + MountPaths.configError(type, problem));
        });
        boolean readOnly = modes(mode).contains("ro");
        if (!bind) {
            if (propagation.isPresent()) {
                throw new EngineException(invalidSpec(spec) + ": "
                        + MountPaths.configError(type, "field BindOptions must not be specified"));
            }
            if (!source.isEmpty()) {
                VolumeNames.validate(source);
            }
            return new MountRequest.Volume(source, MountPaths.clean(target), readOnly, Map.of());
        }
        String chosen = propagation.orElse(MountPropagation.DEFAULT);
        if (!MountPropagation.SUPPORTED.contains(chosen)) {
            throw new EngineException(MountPropagation.unsupported(chosen));
        }
        return new MountRequest.Bind(MountPaths.clean(source), MountPaths.clean(target), readOnly,
                MountRequest.Recursion.ENABLED, chosen, true);
    }

    /** The CLI's first pass (compose's ParseVolume): 1 to 3 non-empty sections. */
    private static List<String> sections(String spec) {
        if (spec.isEmpty()) {
            throw new EngineException("invalid empty volume spec");
        }
        if (spec.length() <= 2) {
            return List.of(spec);
        }
        String[] parts = spec.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                throw new EngineException("invalid spec: " + spec + ": empty section between colons");
            }
            if (i == 2 && parts.length > 3) {
                throw new EngineException("invalid spec: " + spec + ": too many colons");
            }
        }
        return List.of(parts);
    }

    /** docker's linuxValidMountMode: known options, at most one of each kind; empty is valid. */
    static boolean validMode(String mode) {
        Set<String> kinds = new HashSet<>();
        for (String option : modes(mode)) {
            String kind = MODE_KINDS.get(option);
            if (kind == null || !kinds.add(kind)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> modes(String mode) {
        return mode.isEmpty() ? List.of() : List.of(mode.split(",", -1));
    }

    private static String invalidSpec(String spec) {
        return "invalid volume specification: '" + spec + "'";
    }

    private static Map<String, String> modeKinds() {
        Map<String, String> kinds = new HashMap<>();
        List.of("ro", "rw").forEach(m -> kinds.put(m, "rw"));
        List.of("z", "Z").forEach(m -> kinds.put(m, "label"));
        MountPropagation.ALL.forEach(m -> kinds.put(m, "propagation"));
        kinds.put("nocopy", "copy");
        List.of("consistent", "cached", "delegated").forEach(m -> kinds.put(m, "consistency"));
        return Map.copyOf(kinds);
    }
}
