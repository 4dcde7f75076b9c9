package io.minicontainer.engine;

/** Something the user asked for cannot be done; the message is one line, ready to print. */
public class EngineException extends RuntimeException {
    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
