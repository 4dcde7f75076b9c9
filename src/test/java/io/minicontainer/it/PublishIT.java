package io.minicontainer.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.network.Link;
import io.minicontainer.network.Rtnetlink;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Published ports for real: UDP answered through them, many containers leaving nothing behind, and
 * a container's map elements gone with it. One bridge, subnet and nft table for the class, removed after.
 */
class PublishIT extends ContainerTest {
    private static final long PID = ProcessHandle.current().pid();
    private static final String BRIDGE = "mcpub" + PID % 100000;
    private static final String TABLE = "mc_pub_" + PID;
    private static final int CYCLES = 100;
    private static final int WORKERS = 2;
    /** A publish map's elements: {@code map publish_any_udp { type ... elements = { ... } }}. */
    private static final Pattern MAP_ELEMENTS = Pattern.compile("map (publish\\w*) \\{[^}]*?elements = \\{([^}]*)}");

    private static String subnetPrefix;

    @BeforeAll
    static void ownNetworkAndUdpServer() throws Exception {
        subnetPrefix = freeSubnetPrefix();
        Path source = shared.resolve("udp-echo.c");
        try (InputStream in = PublishIT.class.getResourceAsStream("udp-echo.c")) {
            Files.copy(in, source);
        }
        String compiler = run("sh", "-c", "command -v musl-gcc") == 0 ? "musl-gcc" : "gcc";
        assertThat(run(compiler, "-static", "-Os", "-o", rootfs.resolve("bin/udp-echo").toString(), source.toString()))
                .as("compile udp-echo.c").isZero();
    }

    @AfterAll
    static void removeNetwork() throws Exception {
        run("ip", "link", "del", BRIDGE);
        run("nft", "delete", "table", "ip", TABLE);
        assertThat(output("ip", "-o", "link")).doesNotContain(" " + BRIDGE + ":");
    }

    @BeforeEach
    void onOwnBridge() {
        cli = new Cli(root, Map.of("MINICONTAINER_CGROUP_PARENT", cgroupParent, "MINICONTAINER_BRIDGE", BRIDGE,
                "MINICONTAINER_BRIDGE_SUBNET", subnetPrefix + ".0/24", "MINICONTAINER_NFT_TABLE", TABLE));
    }

    /** A failed test's containers must not fail the next ones as well. */
    @AfterEach
    void removeContainers() {
        for (String id : cli.run("ps", "-aq").stdout().lines().toList()) {
            cli.run("rm", "-f", id);
        }
    }

    @Test
    void aPublishedUdpPortAnswersOnLocalhostOnTheHostsAddressAndDirectly() throws Exception {
        int port = freeUdpPort();
        detached("echo", List.of("-p", port + ":5353/udp"), "udp-echo", "5353");
        assertThat(cli.run("port", "echo").stdout()).isEqualTo("5353/udp -> 0.0.0.0:" + port + "\n");

        Reply local = ask("127.0.0.1", port, "one");
        assertThat(local.text()).as("127.0.0.1 is masqueraded behind the gateway").isEqualTo(
                "got:one from:" + subnetPrefix + ".1");
        assertThat(local.from()).as("the answer un-NATed").isEqualTo(new InetSocketAddress("127.0.0.1", port));

        String external = hostAddress();
        Reply outside = ask(external, port, "two");
        assertThat(outside.text()).isEqualTo("got:two from:" + external);
        assertThat(outside.from()).isEqualTo(new InetSocketAddress(external, port));

        assertThat(ask(address("echo"), 5353, "three").text()).startsWith("got:three from:");
        assertThat(cli.run("rm", "-f", "echo").exitCode()).isZero();
        assertThat(publishedElements()).isEmpty();
    }

    @Test
    void aHundredRunsAndRemovalsLeaveNoVethNamespaceLeaseOrMapElement() throws Exception {
        // Two at a time, each with host ports of its own: half the time on two cores, and two
        // containers attaching and detaching at once (leases, veths, map elements) all along.
        List<List<String>> publish = new ArrayList<>();
        for (int worker = 0; worker < WORKERS; worker++) {
            publish.add(List.of("--network", "bridge", "-p", freeTcpPort() + ":80", "-p", freeUdpPort() + ":53/udp",
                    "--rootfs", rootfs.toString()));
        }
        List<String> detachedIds = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        publish.stream().map(flags -> CompletableFuture.runAsync(() -> cycles(CYCLES / WORKERS, flags, detachedIds)))
                .toList().forEach(CompletableFuture::join);
        System.out.printf("PublishIT: %d runs and removals with published ports, %d at a time, in %d ms%n", CYCLES,
                WORKERS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));

        assertThat(cli.run("ps", "-aq").stdout()).isEmpty();
        try (Rtnetlink rt = Rtnetlink.open()) {
            int bridge = rt.indexOf(BRIDGE);
            assertThat(rt.links()).as("veths left on the bridge").filteredOn(link -> link.master() == bridge).isEmpty();
            List<String> names = rt.links().stream().map(Link::name).toList();
            for (String id : detachedIds) {
                assertThat(names).noneMatch(name -> name.startsWith("mc" + id.substring(0, 9)));
            }
        }
        try (var files = Files.list(root.resolve("run/netns"))) {
            assertThat(files).as("netns files").isEmpty();
        }
        try (var leases = Files.list(root.resolve("networks/bridge/leases"))) {
            assertThat(leases).as("leases").isEmpty();
        }
        assertThat(publishedElements()).isEmpty();
    }

    @Test
    void aContainersMapElementsGoWhenItStopsIsRemovedOrExits() throws Exception {
        int tcp = freeTcpPort();
        int udp = freeUdpPort();
        List<String> ports = List.of("-p", tcp + ":80", "-p", "127.0.0.1:" + udp + ":53/udp");

        String stopped = detached("stopped", ports, "sleep", "60");
        assertThat(publishedElements()).containsOnlyKeys("publish_any_tcp", "publish_udp")
                .allSatisfy((map, elements) -> assertThat(elements).contains("mc:" + stopped));
        succeeds(cli.run("stop", "-t", "0", "stopped"));
        assertThat(publishedElements()).as("after stop").isEmpty();
        succeeds(cli.run("rm", "stopped"));
        assertThat(publishedElements()).as("after stop and rm").isEmpty();

        String removed = detached("removed", ports, "sleep", "60");
        assertThat(publishedElements().get("publish_any_tcp")).contains("mc:" + removed);
        succeeds(cli.run("rm", "-f", "removed"));
        assertThat(publishedElements()).as("after rm -f").isEmpty();

        detached("exits", ports, "sleep", "0.5");
        for (int i = 0; i < 100 && !cli.run("inspect", "-f", "{{.State.Status}}", "exits").stdout().equals("exited\n"); i++) {
            Thread.sleep(50);
        }
        for (int i = 0; i < 40 && !publishedElements().isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(publishedElements()).as("after the container exited by itself").isEmpty();
        succeeds(cli.run("rm", "exits"));
    }

    /**
     * {@code run --rm ... true}, and every tenth time a detached container removed running instead. The
     * last is one of those: its attach reclaims the lease of the --rm container before it, as the
     * next attach always does.
     */
    private void cycles(int count, List<String> publish, List<String> detachedIds) {
        for (int i = 0; i < count; i++) {
            if (i % 10 == 9 || i == count - 1) {
                String id = succeeds(cli.run(args(List.of("run", "-d"), publish, "sleep", "60"))).strip();
                detachedIds.add(id);
                succeeds(cli.run("rm", "-f", id));
            } else {
                succeeds(cli.run(args(List.of("run", "--rm"), publish, "true")));
            }
        }
    }

    record Reply(String text, SocketAddress from) {}

    /** Sends {@code message} until an answer comes: the server may not be listening yet, and UDP says nothing. */
    private static Reply ask(String host, int port, String message) throws IOException {
        byte[] bytes = message.getBytes(UTF_8);
        for (int attempt = 0; attempt < 40; attempt++) {
            try (DatagramSocket socket = new DatagramSocket()) {
                socket.setSoTimeout(250);
                socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(host), port));
                DatagramPacket answer = new DatagramPacket(new byte[2048], 2048);
                socket.receive(answer);
                return new Reply(new String(answer.getData(), 0, answer.getLength(), UTF_8), answer.getSocketAddress());
            } catch (SocketTimeoutException e) {
                // not yet: a fresh socket (a fresh source port, so a fresh conntrack entry) and again
            }
        }
        throw new AssertionError("no UDP answer from " + host + ":" + port);
    }

    /** The elements of the table's publish maps, by map name; only maps that have any. */
    private static Map<String, String> publishedElements() throws Exception {
        String table = output("nft", "list", "table", "ip", TABLE);
        assertThat(table).as("the table exists").contains("map publish_any_tcp {");
        Map<String, String> elements = new TreeMap<>();
        Matcher matcher = MAP_ELEMENTS.matcher(table);
        while (matcher.find()) {
            elements.put(matcher.group(1), matcher.group(2).strip());
        }
        return elements;
    }

    private String detached(String name, List<String> flags, String... command) {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name, "--network", "bridge"));
        args.addAll(flags);
        args.addAll(List.of("--rootfs", rootfs.toString()));
        args.addAll(List.of(command));
        return succeeds(cli.run(args.toArray(String[]::new))).strip();
    }

    private String address(String name) {
        return cli.run("inspect", "-f", "{{.NetworkSettings.IPAddress}}", name).stdout().strip();
    }

    private static String succeeds(Cli.Result result) {
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout();
    }

    private static String[] args(List<String> first, List<String> second, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The host's own address on its external interface, not loopback and not a bridge of ours. */
    private static String hostAddress() throws Exception {
        for (String line : output("ip", "-4", "-o", "addr", "show", "scope", "global").split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 3 && !fields[1].startsWith("mc") && !fields[1].startsWith("mini")) {
                return fields[3].substring(0, fields[3].indexOf('/'));
            }
        }
        throw new AssertionError("no external address");
    }

    /** 10.253.250-254: above BridgeIT's 10.253.0-249, and one the host routes nowhere yet. */
    private static String freeSubnetPrefix() throws Exception {
        String routes = output("ip", "-4", "route");
        for (int n = 250; n < 255; n++) {
            if (!routes.contains("10.253." + n + ".")) {
                return "10.253." + n;
            }
        }
        throw new AssertionError("no free 10.253.250-254.0/24");
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
                ProcessBuilder.Redirect.DISCARD).start();
        process.waitFor(60, TimeUnit.SECONDS);
        return process.exitValue();
    }

    private static String output(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), UTF_8);
        process.waitFor(20, TimeUnit.SECONDS);
        return text;
    }
}
