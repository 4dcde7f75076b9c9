package io.minicontainer.cgroups;

/** A cgroup cannot be made, changed or read as asked; the message is one line, ready to print. */
public class CgroupException extends RuntimeException {
    public CgroupException(String message) {
        super(message);
    }

    public CgroupException(String message, Throwable cause) {
        super(message, cause);
    }
}
