package io.minicontainer.seccomp;

/** A seccomp profile that cannot be read or compiled; the message is one line naming what is wrong. */
public final class SeccompException extends RuntimeException {
    public SeccompException(String message) {
        super(message);
    }
}
