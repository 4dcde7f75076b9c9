package io.minicontainer.cli;

/**
 * Errors of a Go template, worded like Go's text/template: {@code template: :1: function "foo" not defined}
 * when parsing (with docker's {@code template parsing error: } in front), and
 * {@code template: :1:2: executing "" at <.A.B>: ...} when running.
 */
final class TemplateError extends RuntimeException {
    private TemplateError(String message) {
        super(message);
    }

    /** A failure while executing, before the position of the command is known; see {@link #executing}. */
    static TemplateError failure(String message) {
        return new TemplateError(message);
    }

    static CliException parse(String input, int pos, String message) {
        return new CliException("template parsing error: template: :" + line(input, pos) + ": " + message);
    }

    static CliException executing(String input, int pos, String command, String message) {
        int lineStart = input.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
        int column = pos - lineStart;
        return new CliException("template: :" + line(input, pos) + ":" + column + ": executing \"\" at <"
                + command + ">: " + message);
    }

    private static int line(String input, int pos) {
        int line = 1;
        for (int i = 0; i < Math.min(pos, input.length()); i++) {
            if (input.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
