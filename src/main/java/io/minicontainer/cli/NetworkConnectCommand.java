package io.minicontainer.cli;

import io.minicontainer.engine.NetworkService;
import io.minicontainer.network.Ipv4Address;
import io.minicontainer.network.NetworkException;
import java.util.List;
import java.util.Optional;

/** {@code network connect [--ip IP] NETWORK CONTAINER} and {@code network disconnect [-f] NETWORK CONTAINER}. */
final class NetworkConnectCommand implements Command {
    private final boolean connect;

    private NetworkConnectCommand(boolean connect) {
        this.connect = connect;
    }

    static NetworkConnectCommand connect() {
        return new NetworkConnectCommand(true);
    }

    static NetworkConnectCommand disconnect() {
        return new NetworkConnectCommand(false);
    }

    public String name() { return connect ? "network connect" : "network disconnect"; }
    public String summary() { return connect ? "Connect a container to a network" : "Disconnect a container from a network"; }
    public String usage() { return name() + " [OPTIONS] NETWORK CONTAINER"; }

    public List<Flag> flags() {
        return connect ? List.of(Flag.value("ip", Flag.NO_SHORTHAND, "ADDRESS", "IPv4 address on the network"),
                Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"))
                : List.of(Flag.bool("force", 'f', "Force the container to disconnect"),
                        Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));
    }

    public int run(ParsedArgs args, Context context) {
        if (args.positional().size() != 2) {
            throw new CliException("\"" + name() + "\" requires exactly 2 arguments");
        }
        NetworkService networks = new NetworkService(context.layout(), context.env());
        String network = args.positional().get(0);
        String container = args.positional().get(1);
        if (connect) {
            Optional<Ipv4Address> ip = args.value("ip").map(text -> Ipv4Address.tryParse(text)
                    .orElseThrow(() -> new NetworkException("invalid IPv4 address: " + text)));
            networks.connect(network, container, ip);
        } else {
            networks.disconnect(network, container);
        }
        return 0;
    }
}
