package io.minicontainer.cli;

import io.minicontainer.image.ImageReference;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.List;

/** {@code minicontainer login [-u USER] [-p PASSWORD | --password-stdin] [SERVER]}. */
final class LoginCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.value("username", 'u', "USER", "Username"),
            Flag.value("password", 'p', "PASSWORD", "Password (prefer --password-stdin)"),
            Flag.bool("password-stdin", Flag.NO_SHORTHAND, "Take the password from stdin"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "login"; }
    public String summary() { return "Log in to a registry"; }
    public String usage() { return "login [OPTIONS] [SERVER]"; }
    public List<Flag> flags() { return FLAGS; }

    public int run(ParsedArgs args, Context context) {
        String server = args.positional().isEmpty() ? ImageReference.DOCKER_HUB : args.positional().getFirst();
        String user = args.value("username").orElseThrow(() -> new CliException("login needs --username"));
        String password = args.bool("password-stdin") ? readStdin()
                : args.value("password").orElseThrow(() -> new CliException("login needs --password or --password-stdin"));
        Images.quiet(context).login(server, user, password);
        context.out().println("Login Succeeded");
        return 0;
    }

    private static String readStdin() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in)).readLine();
            if (line == null || line.isEmpty()) {
                throw new CliException("--password-stdin: no password on stdin");
            }
            return line.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("read password: " + e.getMessage(), e);
        }
    }
}
