package io.minicontainer.cli;

import java.util.List;

/** Usage texts, built from the commands' own flag tables so they never drift. */
final class Help {
    private Help() {}

    static String overview(List<Command> commands, List<Flag> globalFlags) {
        StringBuilder text = new StringBuilder("""
                Usage:  minicontainer [OPTIONS] COMMAND

                A daemonless Linux container engine

                Options:
                """);
        globalFlags.forEach(flag -> text.append(flag.usage()).append('\n'));
        text.append("\nCommands:\n");
        commands.forEach(c -> text.append(String.format("  %-10s %s%n", c.name(), c.summary())));
        text.append("\nRun 'minicontainer COMMAND --help' for more information on a command.\n");
        return text.toString();
    }

    static String command(Command command) {
        StringBuilder text = new StringBuilder("Usage:  minicontainer " + command.usage() + "\n\n"
                + command.summary() + "\n");
        if (!command.flags().isEmpty()) {
            text.append("\nOptions:\n");
            command.flags().forEach(flag -> text.append(flag.usage()).append('\n'));
        }
        return text.toString();
    }
}
