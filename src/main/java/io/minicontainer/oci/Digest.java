package io.minicontainer.oci;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A content digest such as {@code sha256:9f86d08...}; only sha256, which every registry uses. */
public record Digest(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Digest {
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("invalid sha256 digest: " + hex);
        }
    }

    /** Parses {@code sha256:<64 lower-case hex>}; anything else is refused with a clear message. */
    public static Digest parse(String text) {
        if (!text.startsWith("sha256:") || !HEX.matcher(text.substring(7)).matches()) {
            throw new IllegalArgumentException("invalid digest \"" + text + "\": expected sha256:<64 hex digits>");
        }
        return new Digest(text.substring(7));
    }

    public static Digest of(byte[] content) {
        return new Digest(HexFormat.of().formatHex(sha256().digest(content)));
    }

    /** Wraps a finished hash, e.g. of bytes that were streamed through {@link #sha256()}. */
    public static Digest of(MessageDigest finished) {
        return new Digest(HexFormat.of().formatHex(finished.digest()));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** The first 12 hex digits, as docker shows image ids. */
    public String shortHex() {
        return hex.substring(0, 12);
    }

    @Override
    public String toString() {
        return "sha256:" + hex;
    }
}
