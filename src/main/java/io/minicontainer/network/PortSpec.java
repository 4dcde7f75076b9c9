package io.minicontainer.network;

import java.util.ArrayList;
import java.util.List;

/**
 * One port to publish, from docker's {@code -p [[HOST_IP:][HOST_PORT[-END]]:]CONTAINER_PORT[/PROTO]}.
 *
 * <p>{@code hostPortFirst} 0 means "any free port" (and {@code hostPortLast} is 0 too); a range
 * {@code hostPortFirst < hostPortLast} means "any free port of these" ({@code -p 8000-8010:80}). The host
 * address {@link Ipv4Address#ANY} means every address of the host.
 */
public record PortSpec(Ipv4Address hostIp, int hostPortFirst, int hostPortLast, int containerPort, Protocol protocol) {
    private static final int MAX_PORT = 65535;

    /** An inclusive range of ports, as written {@code 8080} or {@code 8080-8081}. */
    private record Range(int first, int last) {
        int size() {
            return last - first + 1;
        }
    }

    /** True when the host port is not given: the engine picks a free one. */
    public boolean anyHostPort() {
        return hostPortFirst == 0;
    }

    /** Parses one {@code -p} value into one spec per container port, with docker's error messages. */
    public static List<PortSpec> parse(String raw) {
        String[] parts = raw.split(":", -1);
        int n = parts.length;
        String containerPart = parts[n - 1];
        String hostPart = n >= 2 ? parts[n - 2] : "";
        String ipPart = n >= 3 ? String.join(":", List.of(parts).subList(0, n - 2)) : "";
        String[] protoSplit = splitProto(containerPart);
        String proto = protoSplit[0];
        String containerPorts = protoSplit[1];

        Ipv4Address hostIp = ipPart.isEmpty() ? Ipv4Address.ANY : hostAddress(ipPart);
        if (containerPorts.isEmpty()) {
            throw new NetworkException("no port specified: " + raw + "<empty>");
        }
        Range container = range(containerPorts, 1);
        if (container == null) {
            throw new NetworkException("invalid containerPort: " + containerPorts);
        }
        Range host = hostPart.isEmpty() ? new Range(0, 0) : range(hostPart, 0);
        if (host == null || host.first() == 0 && host.last() != 0) {
            throw new NetworkException("invalid hostPort: " + hostPart);
        }
        if (!hostPart.isEmpty() && container.size() != host.size() && container.size() != 1) {
            throw new NetworkException("invalid ranges specified for container and host Ports: " + containerPorts
                    + " and " + hostPart);
        }
        return expand(hostIp, host, container, Protocol.parse(proto));
    }

    /** Parses several {@code -p} values, in order. */
    public static List<PortSpec> parseAll(List<String> raws) {
        List<PortSpec> specs = new ArrayList<>();
        raws.forEach(raw -> specs.addAll(parse(raw)));
        return List.copyOf(specs);
    }

    private static List<PortSpec> expand(Ipv4Address hostIp, Range host, Range container, Protocol protocol) {
        if (container.size() == 1) {
            return List.of(new PortSpec(hostIp, host.first(), host.last(), container.first(), protocol));
        }
        List<PortSpec> specs = new ArrayList<>(container.size());
        for (int i = 0; i < container.size(); i++) {
            int hostPort = host.first() == 0 ? 0 : host.first() + i;
            specs.add(new PortSpec(hostIp, hostPort, hostPort, container.first() + i, protocol));
        }
        return List.copyOf(specs);
    }

    /** {@code [proto, port]} as docker splits {@code PORT[/PROTO]}: no or an empty protocol means tcp. */
    private static String[] splitProto(String text) {
        String[] parts = text.split("/", -1);
        if (parts[0].isEmpty()) {
            return new String[] {"", ""};
        }
        return new String[] {parts.length == 1 || parts[1].isEmpty() ? "tcp" : parts[1], parts[0]};
    }

    private static Ipv4Address hostAddress(String text) {
        String address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (address.contains(":")) {
            throw new NetworkException("invalid IP address: " + address + " (IPv6 is not supported)");
        }
        return Ipv4Address.tryParse(address).orElseThrow(() -> new NetworkException("invalid IP address: " + address));
    }

    /** {@code N} or {@code N-M}, each at least {@code min} and at most 65535, {@code M >= N}; null if not. */
    private static Range range(String text, int min) {
        int dash = text.indexOf('-');
        int first = port(dash < 0 ? text : text.substring(0, dash), min);
        int last = dash < 0 ? first : port(text.substring(dash + 1), min);
        return first < 0 || last < first ? null : new Range(first, last);
    }

    private static int port(String text, int min) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int port = Integer.parseInt(text);
        return port >= min && port <= MAX_PORT ? port : -1;
    }

    /** The spec written back in {@code -p} syntax, e.g. {@code 127.0.0.1:8080:80/udp} or {@code 80/tcp}. */
    @Override
    public String toString() {
        String host = anyHostPort() ? "" : hostPortFirst + (hostPortLast == hostPortFirst ? "" : "-" + hostPortLast);
        String ip = hostIp.isAny() ? "" : hostIp + ":";
        return ip + (host.isEmpty() && ip.isEmpty() ? "" : host + ":") + containerPort + "/" + protocol.keyword();
    }
}
