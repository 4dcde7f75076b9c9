package io.minicontainer.engine;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * docker's {@code --dns}, {@code --dns-search}, {@code --dns-option} and {@code --add-host}: what the
 * container's /etc/resolv.conf and /etc/hosts get beyond the host's and our defaults.
 *
 * @param extraHosts {@code address\tname} lines for /etc/hosts
 */
public record DnsOptions(List<String> servers, List<String> search, List<String> options, List<String> extraHosts) {
    public static final DnsOptions NONE = new DnsOptions(List.of(), List.of(), List.of(), List.of());
    /** Four dotted numbers (Go's ParseIP: no "10.1.2" shorthand) or an IPv6 literal. */
    private static final Pattern NUMERIC = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    public DnsOptions {
        servers = List.copyOf(servers);
        search = List.copyOf(search);
        options = List.copyOf(options);
        extraHosts = List.copyOf(extraHosts);
    }

    /** Checks the values with docker's messages; {@code --add-host NAME:IP} (or NAME=IP) becomes a hosts line. */
    public static DnsOptions parse(List<String> dns, List<String> search, List<String> options, List<String> addHosts) {
        for (String server : dns) {
            if (!isAddress(server)) {
                throw new EngineException("invalid argument \"" + server + "\" for \"--dns\" flag: " + server
                        + " is not an ip address");
            }
        }
        List<String> hosts = new ArrayList<>();
        for (String entry : addHosts) {
            int separator = entry.indexOf('=') >= 0 ? entry.indexOf('=') : entry.indexOf(':');
            if (separator <= 0) {
                throw new EngineException("invalid argument \"" + entry + "\" for \"--add-host\" flag: bad format for"
                        + " add-host: \"" + entry + "\"");
            }
            String address = entry.substring(separator + 1);
            if (!isAddress(address.replaceAll("^\\[|\\]$", ""))) {
                throw new EngineException("invalid argument \"" + entry + "\" for \"--add-host\" flag: invalid IP address"
                        + " in add-host: \"" + address + "\"");
            }
            hosts.add(address.replaceAll("^\\[|\\]$", "") + "\t" + entry.substring(0, separator));
        }
        return new DnsOptions(dns, search, options, hosts);
    }

    /** A literal address only: a name would make InetAddress ask a resolver. */
    private static boolean isAddress(String text) {
        if (!NUMERIC.matcher(text).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
