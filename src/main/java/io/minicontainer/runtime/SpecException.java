package io.minicontainer.runtime;

/** A config.json the runtime cannot run; the message names the field. */
public final class SpecException extends RuntimeException {
    public SpecException(String message) {
        super(message);
    }
}
