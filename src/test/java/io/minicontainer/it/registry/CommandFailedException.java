package io.minicontainer.it.registry;

import java.util.List;

/** A helper command (skopeo, umoci, htpasswd) exited with a non-zero status; tests that expect a failure catch it. */
public final class CommandFailedException extends RuntimeException {
    private final int exitCode;
    private final String output;

    CommandFailedException(List<String> command, int exitCode, String output) {
        super(String.join(" ", command) + " exited with " + exitCode + ":\n" + output);
        this.exitCode = exitCode;
        this.output = output;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Standard output and error, interleaved. */
    public String output() {
        return output;
    }
}
