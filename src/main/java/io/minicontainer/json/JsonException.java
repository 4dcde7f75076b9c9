package io.minicontainer.json;

/** Malformed JSON, a value that cannot be written as JSON, or a config value of the wrong shape. */
public final class JsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
