package io.minicontainer.image.registry;

import java.io.IOException;

/** A registry operation that failed, with a one-line message fit for the user. */
public class RegistryException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status the registry answered, or 0 when there was no answer (or it is not the point). */
    private final int status;

    public RegistryException(String message) {
        this(0, message);
    }

    public RegistryException(int status, String message) {
        super(message);
        this.status = status;
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public int status() {
        return status;
    }
}
