package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
        assertThat(links).doesNotContainPattern("mc[0-9a-f]{10}@");
        try (var files = Files.list(root.resolve("run/netns"))) {
            assertThat(files).isEmpty();
        }
        assertThat(Files.readString(root.resolve("networks").resolve(bridge).resolve("leases.json")))
                .doesNotContain(subnetPrefix);
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

    /** 10.253.N: one the host routes nowhere yet. */
    private static String freeSubnetPrefix() throws Exception {
        String routes = output("ip", "-4", "route");
        for (int n = 10 + (int) (ProcessHandle.current().pid() % 200); ; n = (n + 1) % 250) {
            if (!routes.contains("10.253." + n + ".")) {
                return "10.253." + n;
            }
        }
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
                ProcessBuilder.Redirect.DISCARD).start();
        process.waitFor(20, TimeUnit.SECONDS);
        return process.exitValue();
    }

    private static String output(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes());
        process.waitFor(20, TimeUnit.SECONDS);
        return text;
    }
}
