package io.minicontainer.engine;

import io.minicontainer.json.Json;
import io.minicontainer.json.JsonException;
import io.minicontainer.oci.Seccomp;
import io.minicontainer.seccomp.DockerProfile;
import io.minicontainer.seccomp.SeccompException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What docker's security flags mean for one container, checked before anything is created: its
 * capability set, no_new_privs, its seccomp profile (docker's "builtin" default, "unconfined", or a
 * profile file), whether /proc and /sys keep their masked and read-only paths, and --privileged.
 *
 * @param options the flags as given, for inspect
 * @param profile empty: no seccomp filter at all
 */
public record ContainerSecurity(SecurityOptions options, List<String> capabilities, boolean noNewPrivileges,
        Optional<DockerProfile> profile, boolean systemPathsConfined) {

    private static final String BUILTIN = "builtin";

    public ContainerSecurity {
        capabilities = List.copyOf(capabilities);
    }

    /** docker's defaults: its capability set, its seccomp profile's semantics, masked and read-only paths. */
    public static ContainerSecurity defaults() {
        return resolve(SecurityOptions.NONE);
    }

    public boolean privileged() {
        return options.privileged();
    }

    public static ContainerSecurity resolve(SecurityOptions options) {
        // what this process has (/proc/self/status) matters only to the capability flags
        boolean asked = options.privileged() || !options.capAdd().isEmpty() || !options.capDrop().isEmpty();
        List<String> capabilities = asked ? CapabilityFlags.apply(DockerDefaults.CAPABILITIES, options.capAdd(),
                options.capDrop(), options.privileged(), CapabilityFlags.available()) : DockerDefaults.CAPABILITIES;
        boolean noNewPrivileges = false;
        boolean systemPathsConfined = true;
        String seccomp = BUILTIN;
        for (String opt : options.securityOpts()) {
            SecurityOpt parsed = SecurityOpt.parse(opt);
            switch (parsed.key()) {
                case "no-new-privileges" -> noNewPrivileges = parsed.bool();
                case "seccomp" -> seccomp = parsed.value();
                case "systempaths" -> systemPathsConfined = false; // its one value, unconfined
                default -> { } // label, apparmor: this host enforces neither, as docker on such a host
            }
        }
        Optional<DockerProfile> profile = profileNamed(seccomp);
        // as docker: a privileged container runs without seccomp, whatever profile was asked for
        return new ContainerSecurity(options, capabilities, noNewPrivileges,
                options.privileged() ? Optional.empty() : profile, systemPathsConfined && !options.privileged());
    }

    /** The filter for this container: its rules as its capabilities (the bounding set) and this kernel select them. */
    Optional<Seccomp> seccomp(String kernelRelease) {
        return profile.map(p -> p.resolve(capabilities, kernelRelease));
    }

    /** seccomp=unconfined, seccomp=builtin, or seccomp=FILE: docker's CLI reads the file, its daemon the JSON. */
    private static Optional<DockerProfile> profileNamed(String value) {
        return switch (value) {
            case "unconfined" -> Optional.empty();
            case BUILTIN -> Optional.of(DockerProfile.defaultProfile());
            default -> Optional.of(readProfile(Path.of(value)));
        };
    }

    private static DockerProfile readProfile(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new EngineException("opening seccomp profile (" + file + ") failed: open " + file
                    + ": no such file or directory");
        } catch (IOException e) {
            throw new EngineException("opening seccomp profile (" + file + ") failed: " + e.getMessage());
        }
        try {
            Json.parse(text);
        } catch (JsonException e) {
            throw new EngineException("compacting json for seccomp profile (" + file + ") failed: " + e.getMessage());
        }
        try {
            return DockerProfile.parse(text);
        } catch (SeccompException e) {
            throw new EngineException(e.getMessage());
        }
    }

    /**
     * One --security-opt: {@code no-new-privileges} alone, else KEY=VALUE (or the old KEY:VALUE). The
     * CLI's check, then the daemon's, with their messages.
     */
    record SecurityOpt(String key, String value, String given) {
        static SecurityOpt parse(String opt) {
            if (opt.equals("no-new-privileges")) {
                return new SecurityOpt(opt, "true", opt);
            }
            int at = opt.indexOf('=') >= 0 ? opt.indexOf('=') : opt.indexOf(':');
            if (at < 0 || (at == opt.length() - 1 && !opt.startsWith("no-new-privileges"))) {
                throw new EngineException("invalid --security-opt: \"" + opt + "\"");
            }
            SecurityOpt parsed = new SecurityOpt(opt.substring(0, at), opt.substring(at + 1), opt);
            if (!List.of("label", "apparmor", "seccomp", "no-new-privileges", "systempaths").contains(parsed.key())
                    || parsed.key().equals("systempaths") && !parsed.value().equals("unconfined")) {
                throw parsed.invalid();
            }
            return parsed;
        }

        /** Go's strconv.ParseBool. */
        boolean bool() {
            return switch (value) {
                case "1", "t", "T", "true", "TRUE", "True" -> true;
                case "0", "f", "F", "false", "FALSE", "False" -> false;
                default -> throw invalid();
            };
        }

        private EngineException invalid() {
            return new EngineException("invalid --security-opt 2: \"" + given + "\"");
        }
    }
}
