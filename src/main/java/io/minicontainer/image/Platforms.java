package io.minicontainer.image;

import io.minicontainer.oci.ImageSpec.Descriptor;
import io.minicontainer.oci.ImageSpec.Index;
import io.minicontainer.oci.ImageSpec.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Platforms in Go/OCI naming ({@code linux/arm64/v8}): the host's, the user's {@code --platform},
 * and the choice of a manifest from an index, with containerd's normalization so that the
 * spellings registries use for one platform ({@code aarch64}, {@code arm64/v8}, {@code arm64}) match.
 */
public final class Platforms {
    private static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern CPU_ARCHITECTURE = Pattern.compile("(?m)^CPU architecture\\s*:\\s*(\\S+)");
    private static final String ATTESTATION = "attestation-manifest";
    private static final String REFERENCE_TYPE = "vnd.docker.reference.type";

    private Platforms() {}

    /** The platform this JVM runs on; an architecture Java names in a way we do not know is kept as it is. */
    public static Platform host() {
        return host(System.getProperty("os.arch"), () -> readOrEmpty(Path.of("/proc/cpuinfo")));
    }

    static Platform host(String javaArch, Supplier<String> cpuinfo) {
        String architecture = goArchitecture(javaArch);
        String variant = switch (architecture) {
            case "arm64" -> "v8";
            case "arm" -> armVariant(cpuinfo.get());
            default -> "";
        };
        return new Platform("linux", architecture, variant);
    }

    /** Java's {@code os.arch} in Go's GOARCH naming, which images use. */
    static String goArchitecture(String javaArch) {
        return switch (javaArch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "386";
            default -> javaArch; // arm, ppc64le, s390x, riscv64 are already Go's names
        };
    }

    /**
     * A 32-bit ARM host's variant from {@code /proc/cpuinfo}. Only v6 and v5 CPUs are told apart:
     * everything else (7, and 8 for a 32-bit JVM on a 64-bit CPU, which runs v7 code) is v7, the
     * variant almost every arm image is built for.
     */
    static String armVariant(String cpuinfo) {
        Matcher m = CPU_ARCHITECTURE.matcher(cpuinfo);
        String level = m.find() ? m.group(1) : "";
        if (level.startsWith("6")) {
            return "v6";
        }
        return level.startsWith("5") ? "v5" : "v7";
    }

    /**
     * {@code --platform os/arch[/variant]}, lower-cased and normalized as docker does with user input:
     * {@code linux/x86_64} is {@code linux/amd64}, {@code linux/arm64} is {@code linux/arm64/v8},
     * {@code linux/arm} is {@code linux/arm/v7}.
     */
    public static Platform parse(String text) {
        String[] parts = text.toLowerCase(Locale.ROOT).split("/", -1);
        if (parts.length < 2 || parts.length > 3 || !allComponentsValid(parts)) {
            throw new IllegalArgumentException("invalid platform \"" + text + "\": expected os/arch[/variant]");
        }
        String architecture = canonicalArchitecture(parts[1]);
        String variant = canonicalVariant(parts[1], parts.length == 3 ? parts[2] : "");
        if (architecture.equals("arm64") && variant.isEmpty()) {
            variant = "v8"; // containerd's Parse names arm64 with its variant, as host() does
        }
        return new Platform(parts[0], architecture, variant);
    }

    private static boolean allComponentsValid(String[] parts) {
        for (String part : parts) {
            if (!COMPONENT.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first manifest of the index for {@code wanted}, in the index's own order (the registry's
     * preference). Entries without a platform and attestation manifests never match.
     */
    public static Descriptor select(Index index, Platform wanted) {
        Platform target = normalize(wanted);
        for (Descriptor entry : index.manifests()) {
            if (isRunnable(entry) && normalize(entry.platform()).equals(target)) {
                return entry;
            }
        }
        throw new IllegalArgumentException("no matching manifest for " + wanted
                + " in the manifest list entries (available: " + available(index) + ")");
    }

    private static String available(Index index) {
        List<String> platforms = index.manifests().stream().filter(Platforms::isRunnable)
                .map(entry -> entry.platform().toString()).distinct().toList();
        return platforms.isEmpty() ? "none" : String.join(", ", platforms);
    }

    /** An image for some platform, rather than a platform-less entry or a build attestation. */
    private static boolean isRunnable(Descriptor entry) {
        Platform platform = entry.platform();
        return platform != null
                && !ATTESTATION.equals(entry.annotations().get(REFERENCE_TYPE))
                && !(platform.os().equals("unknown") && platform.architecture().equals("unknown"));
    }

    /**
     * containerd's normalization, minus its lower-casing: os and architecture are compared exactly,
     * so {@code Linux} is not {@code linux}.
     */
    static Platform normalize(Platform platform) {
        String variant = canonicalVariant(platform.architecture(), platform.variant());
        return new Platform(platform.os(), canonicalArchitecture(platform.architecture()), variant);
    }

    private static String canonicalArchitecture(String architecture) {
        return switch (architecture) {
            case "x86_64", "x86-64" -> "amd64";
            case "aarch64" -> "arm64";
            case "i386" -> "386";
            case "armhf", "armel" -> "arm";
            default -> architecture;
        };
    }

    /** The variant that stands for "the default" is spelled one way: amd64 "", arm64 "", arm "v7". */
    private static String canonicalVariant(String architecture, String variant) {
        return switch (architecture) {
            case "amd64", "x86_64", "x86-64" -> variant.equals("v1") ? "" : variant;
            case "arm64", "aarch64" -> variant.equals("v8") || variant.equals("8") ? "" : variant;
            case "armhf" -> "v7";
            case "armel" -> "v6";
            case "arm" -> switch (variant) {
                case "", "7" -> "v7";
                case "5", "6", "8" -> "v" + variant;
                default -> variant;
            };
            case "i386" -> "";
            default -> variant;
        };
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
