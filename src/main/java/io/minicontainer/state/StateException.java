package io.minicontainer.state;

/** A container cannot be found or changed as asked; the message is one line, ready to print. */
public class StateException extends RuntimeException {
    public StateException(String message) {
        super(message);
    }
}
