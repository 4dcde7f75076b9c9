package io.minicontainer.cli;

import java.util.List;

/** A thin command: flags in, one call into the engine, output out. */
interface Command {
    String name();

    /** One line for the command list. */
    String summary();

    /** The usage line after "minicontainer", e.g. {@code run [OPTIONS] --rootfs DIR COMMAND [ARG...]}. */
    String usage();

    List<Flag> flags();

    /** Flags may follow the arguments ({@code rm web -f}); false where the arguments end in a command line. */
    default boolean flagsAnywhere() {
        return false;
    }

    /** Returns the exit code. */
    int run(ParsedArgs args, Context context);
}
