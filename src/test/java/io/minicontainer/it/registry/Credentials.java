package io.minicontainer.it.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A user name and password, in the forms clients send them. */
public record Credentials(String user, String password) {
    public Credentials {
        if (user.isEmpty() || user.contains(":")) {
            throw new IllegalArgumentException("a user name must be non-empty and without ':': " + user);
        }
    }

    /** The value of an {@code Authorization: Basic ...} header. */
    public String basicHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** skopeo's {@code USER:PASSWORD} form for {@code --creds}, {@code --src-creds}, {@code --dest-creds}. */
    public String skopeoForm() {
        return user + ":" + password;
    }

    @Override
    public String toString() {
        return user + ":***";
    }
}
