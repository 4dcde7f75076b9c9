package io.minicontainer.engine.mount;

import io.minicontainer.engine.EngineException;
import io.minicontainer.engine.mount.MountRequest.Recursion;
import io.minicontainer.engine.volume.VolumeNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --mount type=bind|volume|tmpfs,source=...,target=...,...}: docker's CLI rules (one CSV
 * record of key=value fields, keys case-insensitive, unknown keys refused) and then its daemon's.
 * Unlike {@code -v}, a bind whose source does not exist is an error; that is checked when the
 * container is prepared, since it needs the host.
 */
public final class MountFlag {
    private MountFlag() {}

    public static MountRequest parse(String value, Path cwd) {
        Fields fields = new Fields(cwd);
        try {
            for (String field : MountCsv.fields(value)) {
                fields.set(field);
            }
            fields.checkCombinations();
        } catch (IllegalArgumentException e) {
            throw new EngineException("invalid argument \"" + value + "\" for \"--mount\" flag: " + e.getMessage());
        }
        return fields.request();
    }

    /** The fields as given; {@code set} applies the CLI's rules, {@code request} the daemon's. */
    private static final class Fields {
        private String type = "volume";
        private String source = "";
        private String target = "";
        private boolean readOnly;
        private boolean bindOptions;
        private boolean volumeOptions;
        private boolean tmpfsOptions;
        private String propagation = "";
        private Recursion recursion = Recursion.ENABLED;
        private String driver = "";
        private String subpath = "";
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final Map<String, String> driverOptions = new LinkedHashMap<>();
        private String tmpfsSize = "";
        private String tmpfsMode = "";
        private final Path cwd;

        Fields(Path cwd) {
            this.cwd = cwd;
        }

        void set(String field) {
            int eq = field.indexOf('=');
            String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (eq < 0) {
                switch (key) {
                    case "readonly", "ro" -> readOnly = true;
                    case "volume-nocopy" -> volumeOptions = true; // no copy-up here anyway
                    case "bind-nonrecursive" -> nonRecursive(true);
                    default -> throw new IllegalArgumentException("invalid field '" + field + "' must be a key=value pair");
                }
                return;
            }
            String value = field.substring(eq + 1);
            switch (key) {
                case "type" -> type = value.toLowerCase(Locale.ROOT);
                case "source", "src" -> source = value;
                case "target", "dst", "destination" -> target = value;
                case "readonly", "ro" -> readOnly = bool(key, value);
                case "consistency" -> { } // macOS only, as in docker on Linux
                case "bind-propagation" -> {
                    bindOptions = true;
                    propagation = value.toLowerCase(Locale.ROOT);
                }
                case "bind-nonrecursive" -> nonRecursive(bool(key, value));
                case "bind-recursive" -> recursion(key, value);
                case "volume-nocopy" -> bool(key, value); // no copy-up here anyway
                case "volume-label" -> putPair(labels, value);
                case "volume-driver" -> driver = value;
                case "volume-opt" -> putPair(driverOptions, value);
                case "volume-subpath" -> subpath = value;
                case "tmpfs-size" -> tmpfsSize = "size=" + ByteSize.kernelForm(ByteSize.parse(value)
                        .orElseThrow(() -> new IllegalArgumentException("invalid value for " + key + ": " + value)));
                case "tmpfs-mode" -> tmpfsMode = "mode=" + octal(key, value);
                default -> throw new IllegalArgumentException("unexpected key '" + key + "' in '" + field + "'");
            }
            volumeOptions |= key.startsWith("volume-");
            tmpfsOptions |= key.startsWith("tmpfs-");
        }

        private void nonRecursive(boolean on) {
            bindOptions = true;
            if (on) {
                recursion = Recursion.DISABLED;
            }
        }

        private void recursion(String key, String value) {
            bindOptions = true;
            recursion = switch (value) {
                case "enabled" -> Recursion.ENABLED;
                case "disabled" -> Recursion.DISABLED;
                case "writable" -> Recursion.WRITABLE;
                case "readonly" -> Recursion.READONLY;
                default -> throw new IllegalArgumentException("invalid value for " + key + ": " + value
                        + " (must be \"enabled\", \"disabled\", \"writable\", or \"readonly\")");
            };
        }

        void checkCombinations() {
            if (type.isEmpty()) {
                throw new IllegalArgumentException("type is required");
            }
            if (target.isEmpty()) {
                throw new IllegalArgumentException("target is required");
            }
            mixed(volumeOptions, "volume");
            mixed(bindOptions, "bind");
            mixed(tmpfsOptions, "tmpfs");
            if (recursion == Recursion.WRITABLE && !readOnly) {
                throw new IllegalArgumentException(
                        "option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction");
            }
            if (recursion == Recursion.READONLY && !readOnly) {
                throw new IllegalArgumentException(
                        "option 'bind-recursive=readonly' requires 'readonly' to be specified in conjunction");
            }
            if (recursion == Recursion.READONLY && !propagation.equals("rprivate")) {
                throw new IllegalArgumentException("option 'bind-recursive=readonly' requires"
                        + " 'bind-propagation=rprivate' to be specified in conjunction");
            }
        }

        private void mixed(boolean options, String optionType) {
            if (options && !type.equals(optionType)) {
                throw new IllegalArgumentException("cannot mix '" + optionType + "-*' options with mount type '"
                        + type + "'");
            }
        }

        MountRequest request() {
            MountPaths.targetProblem(target).ifPresent(problem -> {
                throw configError(problem);
            });
            return switch (type) {
                case "bind" -> bind();
                case "volume" -> volume();
                case "tmpfs" -> tmpfs();
                default -> throw configError("mount type unknown");
            };
        }

        private MountRequest bind() {
            if (source.isEmpty()) {
                throw configError("field Source must not be empty");
            }
            String path = MountPaths.resolveDotted(source, cwd);
            if (!path.startsWith("/")) {
                throw configError(MountPaths.notAbsolute(path));
            }
            String chosen = propagation.isEmpty() ? MountPropagation.DEFAULT : propagation;
            if (!MountPropagation.ALL.contains(chosen)) {
                throw configError("invalid propagation mode: " + chosen);
            }
            if (!MountPropagation.SUPPORTED.contains(chosen)) {
                throw new EngineException(MountPropagation.unsupported(chosen));
            }
            return new MountRequest.Bind(MountPaths.clean(path), MountPaths.clean(target), readOnly, recursion, chosen, false);
        }

        private MountRequest volume() {
            if (source.isEmpty() && readOnly) {
                throw configError("must not set ReadOnly mode when using anonymous volumes");
            }
            if (!subpath.isEmpty()) {
                throw new EngineException("volume-subpath is not supported");
            }
            if (!driver.isEmpty() && !driver.equals("local")) {
                throw new EngineException("volume driver \"" + driver + "\" is not supported: only \"local\" is");
            }
            if (!driverOptions.isEmpty()) {
                throw new EngineException("volume-opt is not supported: local volumes are directories here,"
                        + " the driver's type, device and o options are not implemented");
            }
            if (!source.isEmpty()) {
                VolumeNames.validate(source);
            }
            return new MountRequest.Volume(source, MountPaths.clean(target), readOnly, labels);
        }

        private MountRequest tmpfs() {
            if (!source.isEmpty()) {
                throw configError("field Source must not be specified");
            }
            List<String> options = new ArrayList<>(TmpfsOptions.DEFAULTS);
            if (readOnly) {
                options.add("ro");
            }
            List.of(tmpfsMode, tmpfsSize).stream().filter(o -> !o.isEmpty()).forEach(options::add);
            return new MountRequest.Tmpfs(MountPaths.clean(target), TmpfsOptions.merge(options));
        }

        private EngineException configError(String problem) {
            return new EngineException(MountPaths.configError(type, problem));
        }

        private static boolean bool(String key, String value) {
            return MountCsv.bool(value)
                    .orElseThrow(() -> new IllegalArgumentException("invalid value for " + key + ": " + value));
        }

        private static String octal(String key, String value) {
            if (!value.matches("[0-7]{1,11}") || Long.parseLong(value, 8) > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("invalid value for " + key + ": " + value);
            }
            return Long.toOctalString(Long.parseLong(value, 8));
        }

        /** docker's setValueOnMap: {@code k=v}, {@code k} alone means an empty value, an empty key is dropped. */
        private static void putPair(Map<String, String> map, String pair) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (!key.isEmpty()) {
                map.put(key, eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
    }
}
