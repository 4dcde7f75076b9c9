package io.minicontainer.it.registry;

/** An index entry's platform; {@code variant} is empty when there is none. */
public record Platform(String os, String architecture, String variant) {
    /** What a buildx attestation manifest declares, and what no client may ever choose to run. */
    public static final Platform UNKNOWN = new Platform("unknown", "unknown", "");

    /** This machine's platform, in Go's names (the host's busybox runs only here). */
    public static Platform host() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> new Platform("linux", "amd64", "");
            case "aarch64", "arm64" -> new Platform("linux", "arm64", "v8");
            case String other -> new Platform("linux", other, "");
        };
    }

    /** A platform that is not this machine's, for the fake half of a multi-arch index. */
    public static Platform foreign() {
        return host().architecture().equals("arm64") ? new Platform("linux", "amd64", "")
                : new Platform("linux", "arm64", "v8");
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
    }
}
