package io.minicontainer.cli;

import io.minicontainer.cgroups.CgroupException;
import io.minicontainer.engine.ContainerLayout;
import io.minicontainer.engine.EngineException;
import io.minicontainer.image.store.ImageStoreException;
import io.minicontainer.json.JsonException;
import io.minicontainer.network.NetworkException;
import io.minicontainer.runtime.SpecException;
import io.minicontainer.seccomp.SeccompException;
import io.minicontainer.state.StateException;
import io.minicontainer.sys.Libc;
import io.minicontainer.sys.SyscallException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The entry point: global flags, then one command; every error becomes one line and an exit code. */
public final class Main {
    /** docker's code for "the engine failed", as opposed to the container's own exit code. */
    static final int EXIT_ENGINE_ERROR = 125;

    private static final List<Flag> GLOBAL_FLAGS = List.of(
            Flag.value("root", Flag.NO_SHORTHAND, "DIR",
                    "Persistent data (default /var/lib/minicontainer, or $MINICONTAINER_ROOT)"),
            Flag.value("runroot", Flag.NO_SHORTHAND, "DIR",
                    "Runtime state (default /run/minicontainer, or $MINICONTAINER_RUNROOT)"),
            Flag.bool("version", 'v', "Print the version and exit"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    Main(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        if (List.of(args).contains("run") || List.of(args).contains("exec")) {
            // preparing the native exec takes ~25 ms: let it overlap parsing and the engine's work
            Libc.prepareExecve();
        }
        int code = new Main(System.out, System.err, System.getenv()).execute(List.of(args));
        System.out.flush();
        System.exit(code);
    }

    int execute(List<String> args) {
        try {
            return dispatch(args);
        } catch (CliException | EngineException | SpecException | SyscallException | JsonException
                | ImageStoreException | StateException | CgroupException | NetworkException | SeccompException e) {
            err.println("minicontainer: " + e.getMessage());
        } catch (UncheckedIOException e) {
            err.println("minicontainer: " + e.getMessage());
        } catch (RuntimeException e) {
            err.println("minicontainer: internal error: " + e);
            if (env.containsKey("MINICONTAINER_DEBUG")) {
                e.printStackTrace(err);
            }
        }
        return EXIT_ENGINE_ERROR;
    }

    private int dispatch(List<String> args) {
        ParsedArgs global = new ArgParser(GLOBAL_FLAGS).parse(args);
        List<Command> commands = commands();
        if (global.bool("version")) {
            return new VersionCommand().run(new ParsedArgs(), context(global));
        }
        if (global.positional().isEmpty() || global.bool("help")) {
            out.print(Help.overview(commands, GLOBAL_FLAGS));
            return global.bool("help") ? 0 : 1;
        }
        String name = global.positional().getFirst();
        Command command = commands.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new CliException("unknown command \"" + name + "\" (see 'minicontainer --help')"));
        ParsedArgs parsed;
        try {
            parsed = new ArgParser(command.flags(), command.flagsAnywhere())
                    .parse(global.positional().subList(1, global.positional().size()));
        } catch (CliException e) {
            throw new CliException(e.getMessage() + " (see 'minicontainer " + name + " --help')");
        }
        if (parsed.bool("help")) {
            out.print(Help.command(command));
            return 0;
        }
        return command.run(parsed, context(global));
    }

    private static List<Command> commands() {
        List<Command> commands = new ArrayList<>(List.of(new RunCommand(), new ExecCommand(), new AttachCommand(),
                new PullCommand(), new ImagesCommand(), new RmiCommand(), new TagCommand(), new ImportCommand(),
                new LoadCommand(), new SaveCommand(), new LoginCommand(), new LogoutCommand(), new VolumeCommand(),
                new NetworkCommand(), new VersionCommand(), new StartCommand(), new StopCommand(), new RestartCommand(),
                new KillCommand(), new WaitCommand(), new RmCommand(), new PsCommand(), new PortCommand(),
                new InspectCommand(), new LogsCommand(), PruneCommand.system(), new StatsCommand(), new UpdateCommand(),
                PauseCommand.pause(), PauseCommand.unpause()));
        commands.add(new ImageCommand(commands));
        commands.add(new ContainerCommand(commands));
        return commands;
    }

    private Context context(ParsedArgs global) {
        Path root = Path.of(global.value("root").orElse(env.getOrDefault("MINICONTAINER_ROOT", "/var/lib/minicontainer")));
        Path runRoot = Path.of(global.value("runroot").orElse(env.getOrDefault("MINICONTAINER_RUNROOT", "/run/minicontainer")));
        return new Context(new ContainerLayout(root.toAbsolutePath(), runRoot.toAbsolutePath()), env, out, err);
    }

    /** Containers are made from the kernel's privileged primitives; rootless mode comes later. */
    static void requireRoot(String command) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:") && !line.split("\\s+")[2].equals("0")) {
                    throw new CliException(command + " needs root (rootless mode is not supported yet)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("read /proc/self/status: " + e.getMessage(), e);
        }
    }
}
