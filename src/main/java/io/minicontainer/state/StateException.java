package io.minicontainer.state;

/** A container cannot be found, changed or read as asked; the message is one line, ready to print. */
public class StateException extends RuntimeException {
    public StateException(String message) {
        super(message);
    }

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
