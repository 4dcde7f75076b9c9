package io.minicontainer.cli;

import io.minicontainer.runtime.AttachOptions;

/** The flags of the commands that attach the CLI to a container (run, start, attach), read as docker does. */
final class AttachFlags {
    static final Flag DETACH_KEYS = Flag.value("detach-keys", Flag.NO_SHORTHAND, "KEYS",
            "Key sequence for detaching from a terminal (default ctrl-p,ctrl-q)");
    static final Flag SIG_PROXY = Flag.bool("sig-proxy", Flag.NO_SHORTHAND,
            "Pass received signals to the container (default true; not with a terminal)");

    private AttachFlags() {}

    static AttachOptions parse(ParsedArgs args, boolean stdin) {
        boolean sigProxy = !args.has(SIG_PROXY.name()) || args.bool(SIG_PROXY.name());
        return new AttachOptions(stdin, DetachKeys.parse(args.value(DETACH_KEYS.name())), sigProxy);
    }

    /** A terminal's keys can only come from a terminal: docker's refusal, before anything is created. */
    static void requireTerminalInput(boolean tty, boolean stdin) {
        if (tty && stdin && !Terminal.stdinIsTerminal()) {
            throw new CliException("the input device is not a TTY");
        }
    }
}
