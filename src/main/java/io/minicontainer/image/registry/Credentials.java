package io.minicontainer.image.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** A user name and password (or token) for one registry. {@link #toString()} never shows the password. */
public record Credentials(String username, String password) {
    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty()) {
            throw new IllegalArgumentException("empty user name");
        }
    }

    /** {@code user:password} in base64: the {@code auth} field of docker's config.json and the Basic scheme's payload. */
    public String encoded() {
        return Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads {@link #encoded()}; the user name ends at the first ':', as RFC 7617 requires. */
    static Credentials decode(String base64) {
        String plain;
        try {
            plain = new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid base64");
        }
        int colon = plain.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected base64 of user:password");
        }
        return new Credentials(plain.substring(0, colon), plain.substring(colon + 1));
    }

    String basicAuthorization() {
        return "Basic " + encoded();
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
