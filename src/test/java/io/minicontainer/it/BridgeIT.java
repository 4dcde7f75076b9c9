package io.minicontainer.it;

import static io.minicontainer.it.HostNetwork.freePort;
import static io.minicontainer.it.HostNetwork.freeSubnetPrefix;
import static io.minicontainer.it.HostNetwork.hostAddress;
import static io.minicontainer.it.HostNetwork.httpGet;
import static io.minicontainer.it.HostNetwork.output;
import static io.minicontainer.it.HostNetwork.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** --network bridge for real: each test with its own bridge, subnet and nftables table, removed after. */
class BridgeIT extends ContainerTest {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private String bridge;
    private String table;
    private String subnetPrefix;

    @BeforeEach
    void ownNetwork() throws Exception {
        int n = NEXT.incrementAndGet();
        bridge = "mcb" + ProcessHandle.current().pid() % 100000 + "x" + n;
        table = "mc_it_" + ProcessHandle.current().pid() + "_" + n;
        subnetPrefix = freeSubnetPrefix();
        cli = new Cli(root, Map.of("MINICONTAINER_CGROUP_PARENT", cgroupParent, "MINICONTAINER_BRIDGE", bridge,
                "MINICONTAINER_BRIDGE_SUBNET", subnetPrefix + ".0/24", "MINICONTAINER_NFT_TABLE", table));
    }

    @AfterEach
    void removeNetwork() throws Exception {
        run("ip", "link", "del", bridge);
        run("nft", "delete", "table", "ip", table);
    }

    @Test
    void twoContainersGetTheirOwnAddressesAndReachEachOtherAndTheHost() throws Exception {
        detached("one", "sleep", "60");
        detached("two", "sleep", "60");
        String one = address("one");
        String two = address("two");
        assertThat(one).isEqualTo(subnetPrefix + ".2");
        assertThat(two).isEqualTo(subnetPrefix + ".3");
        assertThat(cli.run("exec", "one", "ping", "-c1", "-W2", two).exitCode()).isZero();
        assertThat(cli.run("exec", "two", "ping", "-c1", "-W2", subnetPrefix + ".1").exitCode()).as("the gateway").isZero();
        assertThat(cli.run("exec", "one", "sh", "-c", "tail -1 /etc/hosts; cat /sys/class/net/eth0/address").stdout())
                .startsWith(one + "\t").contains("02:42:");
        assertThat(run("busybox", "ping", "-c1", "-W2", one)).as("the host reaches it").isZero();
        assertThat(cli.run("rm", "-f", "one", "two").exitCode()).isZero();
    }

    @Test
    void aRestartedContainerIsConnectedAgain() {
        detached("again", "sleep", "60");
        String before = address("again");
        assertThat(cli.run("restart", "-t", "0", "again").exitCode()).isZero();
        assertThat(address("again")).isEqualTo(before);
        assertThat(cli.run("exec", "again", "ping", "-c1", "-W2", subnetPrefix + ".1").exitCode()).isZero();
        cli.run("rm", "-f", "again");
    }

    @Test
    void runAndRemoveCyclesLeaveNoVethNamespaceOrLease() throws Exception {
        for (int i = 0; i < 15; i++) {
            Cli.Result result = cli.run("run", "--rm", "--network", "bridge", "--rootfs", rootfs.toString(),
                    "ping", "-c1", "-W2", subnetPrefix + ".1");
            assertThat(result.exitCode()).as(result.stderr()).isZero();
        }
        detached("kept", "sleep", "60");
        cli.run("rm", "-f", "kept");
        Cli.Result failed = cli.run("run", "--network", "bridge", "--rootfs", rootfs.toString(), "no-such-command");
        assertThat(failed.exitCode()).isEqualTo(127);
        assertThat(cli.run("container", "prune", "-f").exitCode()).isZero();
        String links = output("ip", "-o", "link");
        assertThat(links).doesNotContainPattern("mc[0-9a-f]{13}@");
        try (var files = Files.list(root.resolve("run/netns"))) {
            assertThat(files).isEmpty();
        }
        try (var leases = Files.list(root.resolve("networks/bridge/leases"))) {
            assertThat(leases).isEmpty();
        }
    }

    @Test
    void aPublishedPortAnswersOnLocalhostOnTheHostsAddressAndFromAnotherContainer() throws Exception {
        int port = freePort();
        webServer("web", "-p", port + ":80");
        assertThat(cli.run("ps", "--format", "{{.Ports}}").stdout()).isEqualTo("0.0.0.0:" + port + "->80/tcp\n");
        assertThat(cli.run("port", "web").stdout()).isEqualTo("80/tcp -> 0.0.0.0:" + port + "\n");
        assertThat(httpGet("127.0.0.1", port)).contains("hello-from-web");
        String external = hostAddress();
        assertThat(httpGet(external, port)).contains("hello-from-web");
        Cli.Result hairpin = cli.run("run", "--rm", "--network", "bridge", "--rootfs", rootfs.toString(),
                "wget", "-qO-", "http://" + external + ":" + port + "/");
        assertThat(hairpin.stdout()).as(hairpin.stderr()).isEqualTo("hello-from-web\n");
        assertThat(cli.run("stop", "-t", "1", "web").exitCode()).isZero();
        assertThat(output("nft", "list", "table", "ip", table)).as("gone with the container").doesNotContain(" " + port + " ");
        assertThat(cli.run("start", "web").exitCode()).isZero();
        awaitHttp("127.0.0.1", port);
        cli.run("rm", "-f", "web");
        assertThat(output("nft", "list", "table", "ip", table)).doesNotContain(" " + port + " ");
    }

    @Test
    void aTakenHostPortIsOneClearLineAndLeavesNothing() throws Exception {
        int port = freePort();
        webServer("first", "-p", port + ":80");
        Cli.Result second = cli.run("run", "--network", "bridge", "-p", port + ":80", "--rootfs", rootfs.toString(), "true");
        assertThat(second).isEqualTo(new Cli.Result(125, "",
                "minicontainer: Bind for 0.0.0.0:" + port + " failed: port is already allocated\n"));
        cli.run("rm", "-f", "first");
        try (java.net.ServerSocket hostProcess = new java.net.ServerSocket(port)) {
            assertThat(hostProcess.isBound()).isTrue();
            Cli.Result taken = cli.run("run", "--network", "bridge", "-p", port + ":80", "--rootfs", rootfs.toString(),
                    "true");
            assertThat(taken.exitCode()).isEqualTo(125);
        }
        Cli.Result none = cli.run("run", "-p", "80", "--rootfs", rootfs.toString(), "true");
        assertThat(none.stderr()).startsWith("minicontainer: conflicting options: port publishing");
        assertThat(Leftovers.records(root)).isEmpty();
        assertThat(output("ip", "-o", "link")).doesNotContainPattern("mc[0-9a-f]{13}@");
    }

    private void webServer(String name, String... flags) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", "-d", "--name", name, "--network",
                "bridge"));
        args.addAll(java.util.List.of(flags));
        args.addAll(java.util.List.of("--rootfs", rootfs.toString(), "sh", "-c",
                "mkdir -p /www; echo hello-from-web > /www/index.html; exec httpd -f -p 80 -h /www"));
        Cli.Result result = cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        HostNetwork.awaitAnswer(address(name), 80);
    }

    private static void awaitHttp(String host, int port) throws Exception {
        HostNetwork.awaitAnswer(host, port);
        assertThat(httpGet(host, port)).contains("hello-from-web");
    }

    private void detached(String name, String... command) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", "-d", "--name", name, "--network",
                "bridge", "--rootfs", rootfs.toString()));
        args.addAll(java.util.List.of(command));
        Cli.Result result = cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }

    private String address(String name) {
        return cli.run("inspect", "-f", "{{.NetworkSettings.IPAddress}}", name).stdout().strip();
    }
}
