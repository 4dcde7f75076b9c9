package io.minicontainer.sys;

/** A failed libc call: names the call, what it acted on and the errno, like crun's errors. */
public final class SyscallException extends RuntimeException {
    private final int errno;

    public SyscallException(String call, String object, int errno, String reason) {
        super(call + " " + object + ": " + reason);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
