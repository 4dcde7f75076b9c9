package io.minicontainer.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the CLI talks to a person: then progress is drawn in place, as docker does. */
final class Terminal {
    private Terminal() {}

    static boolean isInteractive() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    /** Standard output alone (Console asks about stdin as well): save refuses to write binary there. */
    static boolean stdoutIsTerminal() {
        return isTerminal(1);
    }

    /** Standard input alone: load without -i refuses to wait for a person to type an archive. */
    static boolean stdinIsTerminal() {
        return isTerminal(0);
    }

    /** Told by what the descriptor is open on, which costs no native call (a JVM start matters here). */
    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
