package io.minicontainer.cli;

import io.minicontainer.engine.Engine;
import io.minicontainer.engine.ExecRequest;
import java.nio.file.Path;
import java.util.List;

/** {@code minicontainer exec}: one more process in a running container; the CLI's exit code is the process's. */
final class ExecCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.bool("detach", 'd', "Run the command in the background"),
            Flag.bool("interactive", 'i', "Keep stdin open and pass it to the command"),
            Flag.bool("tty", 't', "Allocate a pseudo-TTY (the CLI holds it: no detaching, no -d)"),
            Flag.value("env", 'e', "K=V", "Set an environment variable (K alone: take it from this shell)"),
            Flag.value("env-file", Flag.NO_SHORTHAND, "FILE", "Read environment variables from a file"),
            Flag.value("workdir", 'w', "DIR", "Working directory inside the container (must exist)"),
            Flag.value("user", 'u', "USER[:GROUP]", "User name or uid (and group) to run as"),
            Flag.bool("privileged", Flag.NO_SHORTHAND, "Give the command every capability"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "exec"; }
    public String summary() { return "Run a command in a running container"; }
    public String usage() { return "exec [OPTIONS] CONTAINER COMMAND [ARG...]"; }
    public List<Flag> flags() { return FLAGS; }

    public int run(ParsedArgs args, Context context) {
        Main.requireRoot("exec");
        if (args.bool("tty") && args.bool("detach")) { // the CLI holds the master: once it returns, the process hangs up
            throw new CliException("exec -d with -t is not supported: the CLI holds the terminal, which would hang up");
        }
        AttachFlags.requireTerminalInput(args.bool("tty"), args.bool("interactive"));
        List<String> positional = args.positional();
        if (positional.size() < 2) {
            throw new CliException("\"exec\" requires at least 2 arguments: " + usage());
        }
        ExecRequest request = new ExecRequest(positional.getFirst(), args.all("env"),
                args.all("env-file").stream().map(Path::of).toList(), args.value("workdir"), args.value("user"),
                args.bool("interactive"), args.bool("detach"), positional.subList(1, positional.size()), args.bool("tty"),
                args.bool("privileged"));
        new Engine(context.layout(), context.launcher(), context.env(), context.cgroups()).exec(request);
        throw new IllegalStateException("the helper did not take over");
    }
}
