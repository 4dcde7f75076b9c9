package io.minicontainer.network;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code nft -f -} scripts for MiniContainer's firewall: one table, {@code table ip minicontainer} by default,
 * and nothing outside it. Its chains are fixed; what varies lives in its sets and maps, so a network or a
 * container's published ports come and go as element additions and deletions that leave every other rule and
 * element alone. The whole table is also a pure function of the networks and published ports
 * ({@link #replaceTable}), to rebuild it from state after a reboot or when in doubt.
 *
 * <p>Sets: {@code bridges} (the bridge devices), {@code same_bridge} (each bridge paired with itself),
 * {@code subnets} (their subnets). Maps per protocol: {@code publish_tcp} (host address . host port to container
 * address . container port, for {@code -p 127.0.0.1:8080:80}) and {@code publish_any_tcp} (host port to container
 * address . container port, for {@code -p 8080:80} on every host address). Map elements carry a comment
 * {@code mc:<container id>} saying whose they are. See docs/network.md for what each chain does and why.
 */
public final class NftRules {
    public static final String DEFAULT_TABLE = "minicontainer";
    private static final List<String> CHAINS = List.of("prerouting", "output", "publish", "postrouting", "forward",
            "input");
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");

    private final String table;
    private final NftElements elements;

    public NftRules() {
        this(DEFAULT_TABLE);
    }

    /** A table of another name: tests load theirs next to the real one. */
    public NftRules(String table) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("nft table name \"" + table + "\" is not a letter then [A-Za-z0-9_]");
        }
        this.table = table;
        this.elements = new NftElements("ip " + table);
    }

    public String table() {
        return table;
    }

    /** The map of published ports for {@code protocol}: keyed by host address and port, or by port alone. */
    public static String mapName(Protocol protocol, boolean anyHostAddress) {
        return (anyHostAddress ? "publish_any_" : "publish_") + protocol.keyword();
    }

    /**
     * The whole table from state, replacing ours in one transaction whether it exists or not (declaring an
     * empty table first makes the delete that follows always valid). Nothing else in the ruleset changes.
     */
    public String replaceTable(List<BridgeSubnet> networks, List<PublishedPort> ports) {
        StringBuilder script = new StringBuilder();
        script.append("table ip ").append(table).append(" {}\n");
        script.append("delete table ip ").append(table).append('\n');
        script.append(skeleton(true));
        networks.forEach(network -> script.append(elements.addNetwork(network)));
        ports.stream().distinct().forEach(port -> script.append(elements.addPort(port)));
        return script.toString();
    }

    /**
     * The table made or repaired, and a network in it, in one transaction whether the table exists or not:
     * sets, maps and chains are declared (a no-op when they are there), the chains flushed and their rules
     * added again, so the rules are never doubled, and every element (other networks, published ports) stays.
     */
    public String ensureNetwork(BridgeSubnet network) {
        StringBuilder script = new StringBuilder(skeleton(false));
        for (String chain : CHAINS) {
            script.append("flush chain ip ").append(table).append(' ').append(chain).append('\n');
        }
        return script.append(skeleton(true)).append(elements.addNetwork(network)).toString();
    }

    /** Removes our table, and with it every rule and element of ours; fine if it does not exist. */
    public String deleteTable() {
        return "table ip " + table + " {}\ndelete table ip " + table + "\n";
    }

    /** A new network's bridge and subnet; the subnet must not overlap another network's. */
    public String addNetwork(BridgeSubnet network) {
        return elements.addNetwork(network);
    }

    /** Forgets a network; fine if it was not there. */
    public String removeNetwork(BridgeSubnet network) {
        return elements.removeNetwork(network);
    }

    /**
     * Publishes ports. Re-adding a port exactly as it is changes nothing; a host address and port already
     * mapped to another container is refused by nft ("File exists"), as it should be.
     */
    public String addPorts(List<PublishedPort> ports) {
        StringBuilder script = new StringBuilder();
        ports.forEach(port -> script.append(elements.addPort(port)));
        return script.toString();
    }

    /**
     * Unpublishes ports; fine if they were not there. Each is added before it is deleted (nft has no "delete
     * if present" before 1.0.8), which fails instead if its host port now leads somewhere else.
     */
    public String removePorts(List<PublishedPort> ports) {
        StringBuilder script = new StringBuilder();
        ports.forEach(port -> script.append(elements.removePort(port)));
        return script.toString();
    }

    /** The table's sets, maps and chains; with their rules, or only declared. */
    private String skeleton(boolean withRules) {
        StringBuilder maps = new StringBuilder();
        StringBuilder dnat = new StringBuilder();
        for (Protocol protocol : Protocol.values()) {
            String p = protocol.keyword();
            maps.append("    map ").append(mapName(protocol, false))
                    .append(" { type ipv4_addr . inet_service : ipv4_addr . inet_service; }\n");
            maps.append("    map ").append(mapName(protocol, true))
                    .append(" { type inet_service : ipv4_addr . inet_service; }\n");
            dnat.append("        dnat ip to ip daddr . ").append(p).append(" dport map @").append(mapName(protocol, false))
                    .append('\n');
            dnat.append("        dnat ip to ").append(p).append(" dport map @").append(mapName(protocol, true)).append('\n');
        }
        return "table ip " + table + " {\n"
                + "    set bridges { type ifname; }\n"
                + "    set same_bridge { type ifname . ifname; }\n"
                + "    set subnets { type ipv4_addr; flags interval; }\n"
                + maps
                + chain("prerouting", "type nat hook prerouting priority dstnat; policy accept;",
                        withRules ? "        fib daddr type local jump publish\n" : "")
                + chain("output", "type nat hook output priority -100; policy accept;",
                        withRules ? "        fib daddr type local jump publish\n" : "")
                + chain("publish", "", withRules ? dnat.toString() : "")
                + chain("postrouting", "type nat hook postrouting priority srcnat; policy accept;", withRules
                        ? "        ip saddr @subnets oifname != @bridges masquerade\n"
                        + "        ct status dnat iifname . oifname @same_bridge masquerade\n"
                        + "        ip saddr 127.0.0.0/8 oifname @bridges masquerade\n" : "")
                + chain("forward", "type filter hook forward priority filter; policy accept;", withRules
                        ? "        ct state established,related accept\n"
                        + "        ct status dnat oifname @bridges accept\n"
                        + "        iifname . oifname @same_bridge accept\n"
                        + "        iifname @bridges oifname @bridges drop\n"
                        + "        iifname @bridges accept\n"
                        + "        oifname @bridges drop\n" : "")
                + chain("input", "type filter hook input priority filter; policy accept;", withRules
                        ? "        iifname @bridges ip daddr 127.0.0.0/8 ct state != { established, related } drop\n" : "")
                + "}\n";
    }

    private static String chain(String name, String hook, String rules) {
        return "\n    chain " + name + " {\n" + (hook.isEmpty() ? "" : "        " + hook + "\n") + rules + "    }\n";
    }
}
