package io.minicontainer.cli;

import io.minicontainer.engine.Confinement;
import io.minicontainer.engine.DnsOptions;
import io.minicontainer.engine.Engine;
import io.minicontainer.engine.HostCpus;
import io.minicontainer.engine.Identity;
import io.minicontainer.engine.RunRequest;
import io.minicontainer.engine.RunRequest.NetworkMode;
import io.minicontainer.network.Ipv4Address;
import io.minicontainer.network.Network;
import io.minicontainer.network.PortSpec;
import io.minicontainer.engine.mount.MountRequests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code minicontainer run}: a container in the foreground; the CLI's exit code is the container's. */
final class RunCommand implements Command {
    private static final List<Flag> FLAGS = flags(
            Flag.value("rootfs", Flag.NO_SHORTHAND, "DIR", "Root file system to run (read-only: writes go to an overlay)"),
            Flag.value("name", Flag.NO_SHORTHAND, "NAME", "Assign a name to the container"),
            Flag.value("hostname", 'h', "NAME", "Container host name (default: the short container id)"),
            Flag.value("env", 'e', "K=V", "Set an environment variable (K alone: take it from this shell)"),
            Flag.value("env-file", Flag.NO_SHORTHAND, "FILE", "Read environment variables from a file"),
            Flag.value("workdir", 'w', "DIR", "Working directory inside the container"),
            Flag.value("user", 'u', "USER[:GROUP]", "User name or uid (and group) to run as"),
            Flag.value("group-add", Flag.NO_SHORTHAND, "GROUP", "Add a supplementary group (gid or name in the image)"),
            Flag.value("userns", Flag.NO_SHORTHAND, "MODE", "host (default) or auto: root inside is an unprivileged host uid"),
            Flag.value("entrypoint", Flag.NO_SHORTHAND, "CMD", "Overwrite the image's entrypoint (\"\" clears it)"),
            Flag.value("platform", Flag.NO_SHORTHAND, "OS/ARCH", "Platform to pull if the image is missing"),
            Flag.value("volume", 'v', "SPEC", "Bind mount or volume: [HOST-DIR|NAME:]CONTAINER-DIR[:ro]"),
            Flag.value("mount", Flag.NO_SHORTHAND, "SPEC", "Mount: type=bind|volume|tmpfs,source=..,target=..[,readonly]"),
            Flag.value("tmpfs", Flag.NO_SHORTHAND, "DIR[:OPTS]", "Mount a tmpfs (default options rw,noexec,nosuid,nodev)"),
            Flag.bool("read-only", Flag.NO_SHORTHAND, "Mount the container's root filesystem as read only"),
            Flag.value("ulimit", Flag.NO_SHORTHAND, "NAME=SOFT[:HARD]", "Ulimit options, e.g. nofile=1024:2048 (-1: unlimited)"),
            Flag.value("device", Flag.NO_SHORTHAND, "HOST[:CTR][:rwm]", "Add a host device to the container"),
            Flag.bool("interactive", 'i', "Keep stdin open and pass it to the container"),
            Flag.bool("tty", 't', "Allocate a pseudo-TTY (the container's terminal; -it: yours follows it)"),
            AttachFlags.DETACH_KEYS,
            AttachFlags.SIG_PROXY,
            Flag.bool("rm", Flag.NO_SHORTHAND, "Remove the container when it exits"),
            Flag.bool("detach", 'd', "Run in the background and print the container's id"),
            Flag.value("log-opt", Flag.NO_SHORTHAND, "K=V", "Log rotation: max-size=10m, max-file=3"),
            Flag.value("label", 'l', "K=V", "Set a label on the container"),
            Flag.value("dns", Flag.NO_SHORTHAND, "IP", "Name server for the container's resolv.conf"),
            Flag.value("dns-search", Flag.NO_SHORTHAND, "DOMAIN", "Search domain (\".\" for none)"),
            Flag.value("dns-option", Flag.NO_SHORTHAND, "OPT", "resolv.conf option, e.g. ndots:2"),
            Flag.value("add-host", Flag.NO_SHORTHAND, "NAME:IP", "An /etc/hosts entry"),
            Flag.value("publish", 'p', "[IP:]HOST:CTR[/udp]", "Publish a container's port on the host (bridge networks)"),
            Flag.bool("publish-all", 'P', "Publish every exposed port on a free host port"),
            Flag.value("expose", Flag.NO_SHORTHAND, "PORT[/PROTO]", "Expose a port (or a range) for -P"),
            Flag.value("network", Flag.NO_SHORTHAND, "NETWORK", "bridge (default), a user network, none (only lo), host"),
            Flag.value("net", Flag.NO_SHORTHAND, "NETWORK", "Same as --network"),
            Flag.value("ip", Flag.NO_SHORTHAND, "ADDRESS", "IPv4 address on a user-defined network"),
            Flag.bool("explain", Flag.NO_SHORTHAND, "Print the launch plan as a commented recipe, then run it"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    /** Its own flags, then the resource flags it shares with update, then the security flags (help last). */
    private static List<Flag> flags(Flag... own) {
        List<Flag> flags = new ArrayList<>(List.of(own).subList(0, own.length - 1));
        flags.addAll(ResourceOptions.FLAGS);
        flags.addAll(SecurityFlags.FLAGS);
        flags.add(own[own.length - 1]);
        return List.copyOf(flags);
    }

    public String name() { return "run"; }
    public String summary() { return "Create and run a container (attached, or in the background with -d)"; }
    public String usage() { return "run [OPTIONS] IMAGE [COMMAND] [ARG...]  |  run [OPTIONS] --rootfs DIR COMMAND [ARG...]"; }
    public List<Flag> flags() { return FLAGS; }

    public int run(ParsedArgs args, Context context) {
        Main.requireRoot("run");
        Optional<Path> rootfs = args.value("rootfs").map(dir -> Path.of(dir).toAbsolutePath());
        List<String> positional = args.positional();
        if (rootfs.isEmpty() && positional.isEmpty()) {
            throw new CliException("run needs an IMAGE or --rootfs DIR");
        }
        Optional<String> image = rootfs.isPresent() ? Optional.empty() : Optional.of(positional.getFirst());
        List<String> command = rootfs.isPresent() ? positional : positional.subList(1, positional.size());
        boolean attachStdin = args.bool("interactive") && !args.bool("detach");
        AttachFlags.requireTerminalInput(args.bool("tty"), attachStdin);
        RunRequest request = new RunRequest(rootfs, image, args.value("platform"),
                args.value("name"), args.value("hostname"), args.all("env"),
                args.all("env-file").stream().map(Path::of).toList(), args.value("workdir"), args.value("user"),
                args.value("entrypoint"), args.bool("interactive"), args.bool("rm"), args.bool("detach"), args.all("log-opt"),
                args.all("label"), network(args, context.env()), args.bool("explain"), command,
                MountRequests.parse(args.all("volume"), args.all("mount"), args.all("tmpfs"), Path.of("").toAbsolutePath()),
                ResourceOptions.forRun(args, HostCpus.current()), PortSpec.parseAll(args.all("publish")),
                DnsOptions.parse(args.all("dns"), args.all("dns-search"), args.all("dns-option"), args.all("add-host")),
                Confinement.parse(args.bool("read-only"), args.all("ulimit"), args.all("device")),
                args.bool("tty"), AttachFlags.parse(args, attachStdin), SecurityFlags.forRun(args),
                Identity.parse(args.all("group-add"),
                args.value("userns").orElse(context.env().getOrDefault("MINICONTAINER_USERNS", ""))));
        new Engine(context.layout(), context.launcher(), context.env(), context.cgroups())
                .run(request, Images.forRun(context), context.err());
        throw new IllegalStateException("the container's monitor did not take over");
    }

    /**
     * {@code --network} (default {@code bridge}, or {@code $MINICONTAINER_NETWORK} as a host-wide default, which
     * the tests set to {@code none}), {@code --ip}, {@code -P} and {@code --expose}.
     */
    private static NetworkMode network(ParsedArgs args, Map<String, String> env) {
        String name = args.value("network").or(() -> args.value("net"))
                .orElse(env.getOrDefault("MINICONTAINER_NETWORK", Network.DEFAULT));
        if (name.isEmpty() || name.equals("default")) {
            name = Network.DEFAULT;
        }
        Optional<Ipv4Address> ip = args.value("ip").map(text -> Ipv4Address.tryParse(text)
                .orElseThrow(() -> new CliException("invalid IPv4 address: " + text)));
        return new NetworkMode(name, ip, args.bool("publish-all"), args.all("expose"));
    }
}
