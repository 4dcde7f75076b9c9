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
        commands.forEach(c -> text.append("  ").append(padded(c.name(), 10)).append(' ').append(c.summary()).append('\n'));
        text.append("\nRun 'minicontainer COMMAND --help' for more information on a command.\n");
        return text.toString();
    }

    /** Left-aligned in a column, as %-Ns would, without a Formatter (slow in the interpreter the CLI runs in). */
    static String padded(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
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
