package io.minicontainer.network;

/** The {@code add element} / {@code delete element} lines behind {@link NftRules}, one element per line. */
final class NftElements {
    private final String family;

    /** @param family the table as nft addresses it, e.g. {@code ip minicontainer} */
    NftElements(String family) {
        this.family = family;
    }

    String addNetwork(BridgeSubnet network) {
        return network(network, "add");
    }

    /** Added first so that the delete never fails for an element that is not there. */
    String removeNetwork(BridgeSubnet network) {
        return network(network, "add") + network(network, "delete");
    }

    private String network(BridgeSubnet network, String verb) {
        String bridge = quoted(network.bridge());
        return line(verb, "bridges", bridge)
                + line(verb, "same_bridge", bridge + " . " + bridge)
                + line(verb, "subnets", network.subnet().toString());
    }

    String addPort(PublishedPort port) {
        return line("add", map(port), key(port) + " comment \"mc:" + port.containerId() + "\" : " + value(port));
    }

    String removePort(PublishedPort port) {
        return addPort(port) + line("delete", map(port), key(port));
    }

    private static String map(PublishedPort port) {
        return NftRules.mapName(port.protocol(), port.hostIp().isAny());
    }

    private static String key(PublishedPort port) {
        return port.hostIp().isAny() ? String.valueOf(port.hostPort()) : port.hostIp() + " . " + port.hostPort();
    }

    private static String value(PublishedPort port) {
        return port.containerIp() + " . " + port.containerPort();
    }

    private String line(String verb, String set, String element) {
        return verb + " element " + family + " " + set + " { " + element + " }\n";
    }

    private static String quoted(String name) {
        return "\"" + name + "\"";
    }
}
