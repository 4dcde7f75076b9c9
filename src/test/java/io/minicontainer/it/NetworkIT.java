package io.minicontainer.it;

import static io.minicontainer.it.HostNetwork.freeSubnetPrefix;
import static io.minicontainer.it.HostNetwork.httpGet;
import static io.minicontainer.it.HostNetwork.output;
import static io.minicontainer.it.HostNetwork.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** User-defined networks for real: names, isolation, connect and disconnect, the network commands, -P. */
class NetworkIT extends ContainerTest {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private String bridge;
    private String table;
    private String defaultSubnet;

    @BeforeEach
    void ownFirewallAndDefaultBridge() throws Exception {
        int n = NEXT.incrementAndGet();
        bridge = "mcn" + ProcessHandle.current().pid() % 100000 + "x" + n;
        table = "mc_nit_" + ProcessHandle.current().pid() + "_" + n;
        defaultSubnet = freeSubnetPrefix() + ".0/24";
        cli = new Cli(root, Map.of("MINICONTAINER_CGROUP_PARENT", cgroupParent, "MINICONTAINER_BRIDGE", bridge,
                "MINICONTAINER_BRIDGE_SUBNET", defaultSubnet, "MINICONTAINER_NFT_TABLE", table));
    }

    @AfterEach
    void removeNetworks() throws Exception {
        cli.run("rm", "-f", "one", "two", "three");
        cli.run("network", "prune", "-f");
        run("ip", "link", "del", bridge);
        run("nft", "delete", "table", "ip", table);
    }

    @Test
    void containersOnAUserNetworkFindEachOtherByNameAlsoWhenStartedLater() throws Exception {
        network("front");
        detached("one", "--network", "front");
        assertThat(cli.run("exec", "one", "ping", "-c1", "-W2", "two").exitCode()).as("not there yet").isNotZero();
        detached("two", "--network", "front");
        assertThat(cli.run("exec", "one", "ping", "-c1", "-W2", "two").exitCode()).as("started after").isZero();
        assertThat(cli.run("exec", "two", "ping", "-c1", "-W2", "one").exitCode()).isZero();
        Cli.Result later = runOn("front", "ping", "-c1", "-W2", "one");
        assertThat(later.exitCode()).as(later.stdout() + later.stderr()).isZero();
        assertThat(cli.run("stop", "-t", "0", "two").exitCode()).isZero();
        assertThat(cli.run("exec", "one", "cat", "/etc/hosts").stdout()).as("gone at stop").doesNotContain("\ttwo ");
        assertThat(cli.run("start", "two").exitCode()).isZero();
        assertThat(cli.run("exec", "one", "ping", "-c1", "-W2", "two").exitCode()).as("back at start").isZero();
    }

    @Test
    void networksAreIsolatedUntilAContainerIsConnected() throws Exception {
        network("front");
        network("back");
        detached("one", "--network", "front");
        detached("two", "--network", "back");
        String one = address("one", "front");
        assertThat(cli.run("exec", "two", "ping", "-c1", "-W1", one).exitCode()).as("another network").isNotZero();
        assertThat(cli.run("network", "connect", "front", "two").exitCode()).isZero();
        assertThat(cli.run("exec", "two", "ip", "-o", "-4", "addr").stdout()).contains("eth0", "eth1");
        assertThat(cli.run("exec", "two", "ping", "-c1", "-W2", "one").exitCode()).as("connected").isZero();
        assertThat(cli.run("exec", "one", "ping", "-c1", "-W2", "two").exitCode()).isZero();
        assertThat(cli.run("ps", "--format", "{{.Names}} {{.Networks}}", "-f", "name=two").stdout())
                .isEqualTo("two back,front\n");
        assertThat(cli.run("network", "disconnect", "front", "two").exitCode()).isZero();
        assertThat(cli.run("exec", "two", "ip", "-o", "-4", "addr").stdout()).doesNotContain("eth1");
        assertThat(cli.run("exec", "two", "ping", "-c1", "-W1", one).exitCode()).isNotZero();
        assertThat(cli.run("network", "disconnect", "front", "two").stderr()).contains("is not connected to network front");
    }

    @Test
    void networkCommandsCreateListInspectAndRemove() throws Exception {
        String prefix = network("front");
        Cli.Result again = cli.run("network", "create", "front");
        assertThat(again).isEqualTo(new Cli.Result(125, "", "minicontainer: network with name front already exists\n"));
        assertThat(cli.run("network", "create", "--subnet", prefix + ".128/25", "other").stderr())
                .isEqualTo("minicontainer: invalid pool request: Pool overlaps with other one on this address space\n");
        assertThat(cli.run("network", "create", "bad/name").stderr()).startsWith("minicontainer: invalid network name");
        assertThat(cli.run("network", "ls", "-q", "-f", "name=front").stdout()).hasSize(13);
        assertThat(cli.run("network", "ls").stdout()).contains(" bridge ", " host ", " none ", " front ");
        detached("one", "--network", "front", "--ip", prefix + ".77");
        assertThat(address("one", "front")).isEqualTo(prefix + ".77");
        assertThat(cli.run("network", "inspect", "-f", "{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}", "front")
                .stdout()).isEqualTo("one " + prefix + ".77/24\n");
        Cli.Result taken = cli.run("run", "--network", "front", "--ip", prefix + ".77", "--rootfs", rootfs.toString(), "true");
        assertThat(taken.stderr()).isEqualTo("minicontainer: Address already in use\n");
        assertThat(cli.run("run", "--ip", prefix + ".78", "--network", "bridge", "--rootfs", rootfs.toString(), "true")
                .stderr()).contains("user specified IP address is supported on user defined networks only");
        Cli.Result busy = cli.run("network", "rm", "front");
        assertThat(busy.exitCode()).isEqualTo(1);
        assertThat(busy.stderr()).contains("has active endpoints");
        String device = bridgeOf("front");
        assertThat(output("ip", "-o", "link")).contains(device);
        assertThat(cli.run("rm", "-f", "one").exitCode()).isZero();
        assertThat(cli.run("network", "rm", "front").stdout()).isEqualTo("front\n");
        assertThat(output("ip", "-o", "link")).doesNotContain(device);
        assertThat(output("nft", "list", "table", "ip", table)).doesNotContain(device).doesNotContain(prefix + ".");
        assertThat(cli.run("network", "inspect", "front").stderr()).isEqualTo("Error: network front not found\n");
        assertThat(cli.run("network", "rm", "bridge").stderr()).contains("pre-defined network");
        assertThat(cli.run("run", "--network", "nowhere", "--rootfs", rootfs.toString(), "true").stderr())
                .isEqualTo("minicontainer: network nowhere not found\n");
        assertThat(Leftovers.records(root)).isEmpty();
    }

    @Test
    void anyUserBindsLowPortsOnABridgeAlsoInItsOwnUserNamespace() throws Exception {
        network("front");
        Cli.Result user = cli.run("run", "--rm", "-u", "65534", "--network", "front", "--rootfs", rootfs.toString(),
                "sh", "-c", "cat /proc/sys/net/ipv4/ping_group_range; httpd -p 80 -h / && echo bound");
        assertThat(user.stdout()).as(user.stderr()).isEqualTo("0\t2147483647\nbound\n");
        Cli.Result userns = cli.run("run", "--rm", "--userns=auto", "--network", "front", "--rootfs", rootfs.toString(),
                "sh", "-c", "httpd -p 80 -h / && echo bound; cat /proc/self/uid_map");
        assertThat(userns.stdout()).as(userns.stderr()).startsWith("bound\n")
                .containsPattern("\\s0\\s+[1-9][0-9]*\\s+65536");
        Cli.Result none = cli.run("run", "--rm", "-u", "65534", "--rootfs", rootfs.toString(), "httpd", "-p", "80");
        assertThat(none.stderr()).as("the sysctl is the bridge's doing").contains("Permission denied");
    }

    @Test
    void withoutNetworkFlagsAContainerIsOnTheDefaultBridgeAndMinusCapitalPPublishesWhatItExposes() throws Exception {
        Cli onDefault = new Cli(root, Map.of("MINICONTAINER_CGROUP_PARENT", cgroupParent, "MINICONTAINER_NETWORK", "",
                "MINICONTAINER_BRIDGE", bridge, "MINICONTAINER_BRIDGE_SUBNET", defaultSubnet,
                "MINICONTAINER_NFT_TABLE", table));
        Cli.Result result = onDefault.run("run", "-d", "--name", "one", "-P", "--expose", "80", "--rootfs",
                rootfs.toString(), "sh", "-c", "mkdir /www; echo exposed > /www/index.html; exec httpd -f -p 80 -h /www");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(cli.run("inspect", "-f", "{{.HostConfig.NetworkMode}}", "one").stdout()).isEqualTo("bridge\n");
        String mapping = cli.run("port", "one", "80").stdout().strip();
        assertThat(mapping).startsWith("0.0.0.0:");
        int port = Integer.parseInt(mapping.substring(mapping.indexOf(':') + 1));
        HostNetwork.awaitAnswer("127.0.0.1", port);
        assertThat(httpGet("127.0.0.1", port)).contains("exposed");
    }

    /** Creates a network on a free 10.253.N.0/24; its prefix. */
    private String network(String name) throws Exception {
        String prefix = freeSubnetPrefix();
        Cli.Result created = cli.run("network", "create", "--subnet", prefix + ".0/24", name);
        assertThat(created.exitCode()).as(created.stderr()).isZero();
        assertThat(created.stdout()).matches("[0-9a-f]{64}\n");
        return prefix;
    }

    private void detached(String name, String... flags) {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name));
        args.addAll(List.of(flags));
        args.addAll(List.of("--rootfs", rootfs.toString(), "sleep", "60"));
        Cli.Result result = cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }

    private Cli.Result runOn(String network, String... command) {
        List<String> args = new ArrayList<>(List.of("run", "--rm", "--network", network, "--rootfs", rootfs.toString()));
        args.addAll(List.of(command));
        return cli.run(args.toArray(String[]::new));
    }

    private String address(String container, String network) {
        return cli.run("inspect", "-f", "{{(index .NetworkSettings.Networks \"" + network + "\").IPAddress}}", container)
                .stdout().strip();
    }

    private String bridgeOf(String network) throws Exception {
        String options = Files.readString(root.resolve("networks").resolve(network).resolve("network.json"));
        return options.replaceAll("(?s).*\"Bridge\": \"([^\"]+)\".*", "$1");
    }
}
