package io.minicontainer.cli;

import io.minicontainer.engine.PortPublisher;
import io.minicontainer.network.PublishedPort;
import java.util.List;

/** {@code minicontainer port CONTAINER [PORT[/PROTO]]}: where the container's ports are published, as docker prints it. */
final class PortCommand implements Command {
    public String name() { return "port"; }
    public String summary() { return "List port mappings of a container"; }
    public String usage() { return "port CONTAINER [PRIVATE_PORT[/PROTO]]"; }
    public List<Flag> flags() { return List.of(Flag.bool("help", Flag.NO_SHORTHAND, "Print usage")); }

    public int run(ParsedArgs args, Context context) {
        if (args.positional().isEmpty() || args.positional().size() > 2) {
            throw new CliException("\"port\" requires 1 or 2 arguments");
        }
        List<PublishedPort> ports = PortPublisher.recorded(context.layout().containers().find(args.positional().getFirst()));
        String wanted = args.positional().size() == 2 ? withProtocol(args.positional().get(1)) : "";
        boolean found = false;
        for (PublishedPort port : ports) {
            String privatePort = port.containerPort() + "/" + port.protocol().keyword();
            if (wanted.isEmpty()) {
                context.out().println(privatePort + " -> " + port.hostIp() + ":" + port.hostPort());
                found = true;
            } else if (wanted.equals(privatePort)) {
                context.out().println(port.hostIp() + ":" + port.hostPort());
                found = true;
            }
        }
        if (!found && !wanted.isEmpty()) {
            throw new CliException("no public port '" + wanted + "' published for " + args.positional().getFirst());
        }
        return 0;
    }

    private static String withProtocol(String port) {
        return port.contains("/") ? port : port + "/tcp";
    }
}
