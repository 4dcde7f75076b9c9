package io.minicontainer.network;

/** A network, address or port cannot be set up as asked; the message is one line, ready to print. */
public class NetworkException extends RuntimeException {
    public NetworkException(String message) {
        super(message);
    }

    public NetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
