package io.minicontainer.runtime;

import java.util.List;

/**
 * How the CLI is attached to a container (run or start without -d, attach): whether it sends its
 * stdin, which keys detach it from a terminal, and whether signals for it are passed on.
 *
 * @param stdin      the CLI's stdin goes to the container over the monitor's socket (needed with a
 *                   terminal and for attach; without either, run's container reads it directly)
 * @param detachKeys the bytes that detach from a terminal (docker's default: Ctrl-P Ctrl-Q)
 * @param sigProxy   signals for the CLI go to the container (--sig-proxy; never with a terminal)
 */
public record AttachOptions(boolean stdin, List<Integer> detachKeys, boolean sigProxy) {
    /** Ctrl-P, Ctrl-Q. */
    public static final List<Integer> DEFAULT_DETACH_KEYS = List.of(16, 17);
    public static final AttachOptions DEFAULT = new AttachOptions(false, DEFAULT_DETACH_KEYS, true);

    public AttachOptions {
        detachKeys = List.copyOf(detachKeys);
    }

    public AttachOptions withStdin(boolean stdin) {
        return new AttachOptions(stdin, detachKeys, sigProxy);
    }
}
