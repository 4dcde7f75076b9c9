package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicontainer.TestHost;
import io.minicontainer.network.BridgeSubnet;
import io.minicontainer.network.Ipv4Address;
import io.minicontainer.network.NetworkException;
import io.minicontainer.network.Nft;
import io.minicontainer.network.NftRules;
import io.minicontainer.network.Protocol;
import io.minicontainer.network.PublishedPort;
import io.minicontainer.network.Subnet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MiniContainer's nftables table loaded for real, as root, under a name of this test's own, next to whatever
 * else the host has: its chains and maps, a port mapping added and removed without disturbing the rest, and a
 * DNAT that really redirects a connection. Only this table is ever touched; it is deleted afterwards.
 * The bridges named here do not exist and the subnets are the benchmarking range, so the rules match nothing
 * of the host's own traffic meanwhile.
 */
class NftIT {
    private static final Ipv4Address LOCALHOST = Ipv4Address.parse("127.0.0.1");
    private static final String ID = "it" + ProcessHandle.current().pid();

    private final NftRules rules = new NftRules("mc_it_" + ProcessHandle.current().pid());
    private final Nft nft = new Nft();
    private final BridgeSubnet first = new BridgeSubnet("mcit" + ProcessHandle.current().pid() + "a",
            Subnet.parse("198.18.0.0/24"));
    private final BridgeSubnet second = new BridgeSubnet("mcit" + ProcessHandle.current().pid() + "b",
            Subnet.parse("198.18.1.0/24"));
    private final PublishedPort kept = new PublishedPort(ID + "k", Protocol.UDP, Ipv4Address.ANY, 1,
            Ipv4Address.parse("198.18.0.3"), 53);
    private final PublishedPort added = new PublishedPort(ID, Protocol.TCP, Ipv4Address.ANY, 2,
            Ipv4Address.parse("198.18.0.2"), 80);
    private List<String> tablesBefore;

    @BeforeEach
    void rootWithNft() throws IOException {
        assumeTrue(TestHost.isRoot(), "nftables needs root");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nft")) || Files.isExecutable(Path.of("/sbin/nft")),
                "nft is not installed (Debian package nftables)");
        tablesBefore = tables();
    }

    @AfterEach
    void deleteOurTable() {
        if (tablesBefore != null) {
            nft.apply(rules.deleteTable());
            assertThat(tables()).doesNotContain("table ip " + rules.table()).containsAll(tablesBefore);
        }
    }

    private List<String> tables() {
        return nft.run("list", "tables").lines().toList();
    }

    private String list(String what, String name) {
        return nft.run("list", what, "ip", rules.table(), name);
    }

    @Test
    void loadsTheWholeTableWithItsChainsAndMaps() {
        nft.apply(rules.replaceTable(List.of(first, second), List.of(kept)));

        String table = nft.run("list", "table", "ip", rules.table());
        for (String chain : List.of("prerouting", "output", "publish", "postrouting", "forward", "input")) {
            assertThat(table).contains("chain " + chain + " {");
        }
        for (Protocol protocol : Protocol.values()) {
            assertThat(table).contains("map " + NftRules.mapName(protocol, false) + " {")
                    .contains("map " + NftRules.mapName(protocol, true) + " {");
        }
        assertThat(table).contains("type nat hook prerouting priority dstnat", "type filter hook forward priority filter",
                "dnat ip to ip daddr . tcp dport map @publish_tcp", "ip saddr @subnets oifname != @bridges masquerade");
        assertThat(list("set", "subnets")).contains("198.18.0.0/24", "198.18.1.0/24");
        assertThat(list("set", "bridges")).contains(first.bridge(), second.bridge());
        assertThat(list("map", "publish_any_udp")).contains("1 comment \"mc:" + kept.containerId() + "\" : 198.18.0.3 . 53");

        nft.apply(rules.replaceTable(List.of(first), List.of()));
        assertThat(list("set", "subnets")).contains("198.18.0.0/24").doesNotContain("198.18.1.0/24");
        assertThat(list("map", "publish_any_udp")).doesNotContain("198.18.0.3");
    }

    @Test
    void addsAndRemovesOnePortMappingLeavingTheRestAlone() {
        nft.apply(rules.replaceTable(List.of(first), List.of(kept)));

        nft.apply(rules.addPorts(List.of(added)));
        nft.apply(rules.addPorts(List.of(added)));
        assertThat(list("map", "publish_any_tcp")).contains("2 comment \"mc:" + ID + "\" : 198.18.0.2 . 80");

        PublishedPort clash = new PublishedPort("other", Protocol.TCP, Ipv4Address.ANY, 2, Ipv4Address.parse("198.18.0.9"), 80);
        assertThatThrownBy(() -> nft.apply(rules.addPorts(List.of(clash)))).isInstanceOf(NetworkException.class)
                .hasMessageStartingWith("nft: Could not process rule: File exists (in: add element ip " + rules.table());
        assertThatThrownBy(() -> nft.apply(rules.removePorts(List.of(clash)))).isInstanceOf(NetworkException.class);

        nft.apply(rules.removePorts(List.of(added)));
        nft.apply(rules.removePorts(List.of(added)));
        assertThat(list("map", "publish_any_tcp")).doesNotContain("198.18.0.2");
        assertThat(list("map", "publish_any_udp")).contains("198.18.0.3 . 53");
        assertThat(nft.run("list", "table", "ip", rules.table())).contains("chain publish {");
    }

    @Test
    void ensuringANetworkMakesTheTableOnceAndNeverDoublesARule() {
        nft.apply(rules.ensureNetwork(first));
        String once = nft.run("list", "table", "ip", rules.table());
        nft.apply(rules.addPorts(List.of(kept)));
        nft.apply(rules.ensureNetwork(first));
        nft.apply(rules.ensureNetwork(second));

        String table = nft.run("list", "table", "ip", rules.table());
        assertThat(table.split("masquerade", -1)).hasSameSizeAs(once.split("masquerade", -1));
        assertThat(table.split("jump publish", -1)).hasSize(3);
        assertThat(list("set", "subnets")).contains("198.18.0.0/24", "198.18.1.0/24");
        assertThat(list("map", "publish_any_udp")).as("elements stay").contains("198.18.0.3 . 53");
    }

    @Test
    void addsAndRemovesANetworkLeavingTheRestAlone() {
        nft.apply(rules.replaceTable(List.of(first), List.of(kept)));

        nft.apply(rules.addNetwork(second));
        assertThat(list("set", "subnets")).contains("198.18.0.0/24", "198.18.1.0/24");
        nft.apply(rules.removeNetwork(second));
        nft.apply(rules.removeNetwork(second));

        assertThat(list("set", "subnets")).contains("198.18.0.0/24").doesNotContain("198.18.1.0/24");
        assertThat(list("set", "same_bridge")).contains(first.bridge()).doesNotContain(second.bridge());
    }

    @Test
    void aPublishedPortRedirectsTheHostsOwnConnection() throws IOException {
        try (ServerSocket target = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int published = freePort();
            PublishedPort port = new PublishedPort(ID, Protocol.TCP, LOCALHOST, published, LOCALHOST, target.getLocalPort());
            nft.apply(rules.replaceTable(List.of(first), List.of(port)));

            try (Socket client = new Socket("127.0.0.1", published); Socket accepted = target.accept()) {
                client.getOutputStream().write('x');
                assertThat(accepted.getInputStream().read()).isEqualTo('x');
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
