package io.minicontainer.cli;

import java.io.Console;

/** Whether the CLI talks to a person: then progress is drawn in place, as docker does. */
final class Terminal {
    private Terminal() {}

    static boolean isInteractive() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }
}
