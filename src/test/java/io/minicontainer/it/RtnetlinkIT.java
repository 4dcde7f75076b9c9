package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicontainer.TestHost;
import io.minicontainer.network.Link;
import io.minicontainer.network.MacAddress;
import io.minicontainer.network.Rtnetlink;
import io.minicontainer.sys.NetNamespace;
import io.minicontainer.sys.SyscallException;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bridge networking built with rtnetlink for real, as root: a bridge and a veth pair in the host's
 * namespace, the veth's other end moved into a throwaway namespace (held by an `unshare --net
 * sleep` child, so nothing named is left behind) and configured there as a container's eth0 would
 * be. `ip`, `nsenter` and `ping` only check the result. Link names carry the test JVM's pid.
 */
class RtnetlinkIT {
    private static final long PID = ProcessHandle.current().pid();
    private final String bridge = "mct" + PID;
    private final String hostEnd = "mcth" + PID;
    private final String peer = "mctp" + PID;
    private Process holder;
    private NetNamespace namespace;
    private String subnet;

    @BeforeEach
    void throwawayNamespace() throws Exception {
        assumeTrue(TestHost.isRoot(), "links are made by root");
        subnet = freeSubnet();
        holder = new ProcessBuilder("unshare", "--net", "sleep", "60").redirectErrorStream(true).start();
        Path own = Files.readSymbolicLink(Path.of("/proc/self/ns/net"));
        Path theirs = Path.of("/proc", Long.toString(holder.pid()), "ns", "net");
        for (int i = 0; i < 200 && Files.readSymbolicLink(theirs).equals(own); i++) {
            Thread.sleep(10); // unshare has not yet unshared
        }
        assertThat(Files.readSymbolicLink(theirs)).isNotEqualTo(own);
        namespace = NetNamespace.ofProcess(holder.pid());
    }

    @AfterEach
    void removeEverything() throws Exception {
        if (holder == null) {
            return;
        }
        try (Rtnetlink host = Rtnetlink.open()) {
            for (String name : List.of(hostEnd, bridge)) {
                if (host.find(name).isPresent()) {
                    host.deleteLink(name);
                }
            }
        } finally {
            namespace.close();
            holder.destroy();
            holder.waitFor(5, TimeUnit.SECONDS);
        }
        assertThat(run("ip", "-o", "link").output()).doesNotContainPattern("\\d+: mct[hp]?" + PID + "[:@]");
    }

    @Test
    void aVethOnABridgeConnectsTheNamespaceToTheHost() throws Exception {
        try (Rtnetlink host = Rtnetlink.open()) {
            host.createBridge(bridge);
            host.createVeth(hostEnd, peer);
            host.setMaster(hostEnd, bridge);
            host.setMtu(hostEnd, 1400);
            host.addAddress(bridge, ip(".1"), 24);
            host.setUp(bridge, true);
            host.setUp(hostEnd, true);
            host.moveToNamespace(peer, namespace);
            assertThat(host.find(peer)).isEmpty();
        }
        assertThat(Rtnetlink.inside(namespace, Rtnetlink::links).stream().map(Link::name)).containsExactly("lo", peer);
        MacAddress mac = MacAddress.forIpv4(ip(".2"));
        Rtnetlink.inside(namespace, inside -> {
            inside.rename(peer, "eth0");
            inside.setMac("eth0", mac);
            inside.setMtu("eth0", 1400);
            inside.addAddress("eth0", ip(".2"), 24);
            inside.setUp("lo", true);
            inside.setUp("eth0", true);
            inside.addDefaultRoute(ip(".1"));
            return null;
        });

        assertThat(inNamespace("ip", "-o", "addr", "show", "dev", "eth0").output())
                .contains("inet " + subnet + ".2/24 brd " + subnet + ".255 scope global eth0");
        assertThat(inNamespace("ip", "-o", "link", "show", "dev", "eth0").output())
                .contains("mtu 1400").contains("state UP").contains("link/ether " + mac);
        assertThat(inNamespace("ip", "route").output()).contains("default via " + subnet + ".1 dev eth0");
        assertThat(run("ip", "-o", "link", "show", "dev", hostEnd).output()).contains("master " + bridge).contains("mtu 1400");
        assertThat(pingFromNamespace(subnet + ".1")).as("ping the bridge from inside").isTrue();

        try (Rtnetlink host = Rtnetlink.open()) {
            Link bridgeLink = host.link(bridge);
            Link veth = host.link(hostEnd);
            assertThat(bridgeLink.kind()).isEqualTo("bridge");
            assertThat(bridgeLink.isUp()).isTrue();
            assertThat(veth.kind()).isEqualTo("veth");
            assertThat(veth.master()).isEqualTo(bridgeLink.index());
            assertThat(host.links()).extracting(Link::name).contains("lo", bridge, hostEnd).doesNotContain(peer);
            assertThat(host.stats(hostEnd).rxBytes()).as("the echo request arrived here").isPositive();
            assertThat(host.stats(hostEnd).txBytes()).as("the echo reply left here").isPositive();
            assertThat(Rtnetlink.inside(namespace, inside -> inside.stats("eth0")).txPackets()).isPositive();

            host.deleteLink(hostEnd);
            Optional<Link> eth0 = Rtnetlink.inside(namespace, inside -> inside.find("eth0"));
            assertThat(eth0).as("a veth pair goes as a whole").isEmpty();
            host.deleteLink(bridge);
            assertThat(host.find(bridge)).isEmpty();
        }
    }

    @Test
    void errorsSayWhatWasBeingDoneAndCarryTheErrno() {
        Rtnetlink.inside(namespace, inside -> {
            inside.createBridge(bridge);
            assertThatThrownBy(() -> inside.createBridge(bridge)).isInstanceOf(SyscallException.class)
                    .hasMessage("create bridge " + bridge + ": File exists")
                    .extracting(e -> ((SyscallException) e).errno()).isEqualTo(17);
            assertThatThrownBy(() -> inside.setMtu(bridge, 70000))
                    .hasMessage("set mtu 70000 on " + bridge + ": Invalid argument (mtu greater than device maximum)");
            assertThatThrownBy(() -> inside.setUp("nosuch0", true)).hasMessage("find link nosuch0: No such device");
            assertThatThrownBy(() -> inside.addDefaultRoute(ip(".1"))).hasMessageStartingWith(
                    "add default route via " + subnet + ".1: Network is unreachable");
            assertThat(inside.find("nosuch0")).isEmpty();
            inside.deleteLink(bridge);
            return null;
        });
        try (Rtnetlink host = Rtnetlink.open()) {
            assertThat(host.find(bridge)).as("that all happened inside, not on the host").isEmpty();
        }
    }

    @Test
    void eachTaskInsideRunsOnAFreshThreadAndTheCallerStaysOutside() throws IOException {
        Path own = Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net"));
        Path inside = namespace.callInside(() -> readLink(Path.of("/proc/thread-self/ns/net")));
        Thread first = namespace.callInside(Thread::currentThread);
        Thread second = namespace.callInside(Thread::currentThread);
        assertThat(inside).isEqualTo(Files.readSymbolicLink(Path.of("/proc", Long.toString(holder.pid()), "ns", "net")));
        assertThat(Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net"))).isEqualTo(own);
        assertThat(first).isNotSameAs(second);
        assertThat(first.isAlive()).isFalse();
        assertThatThrownBy(() -> namespace.callInside(() -> {
            throw new IllegalStateException("from inside");
        })).hasMessage("from inside");
    }

    private boolean pingFromNamespace(String address) throws Exception {
        List<String> ping = Files.isExecutable(Path.of("/usr/bin/ping")) || Files.isExecutable(Path.of("/bin/ping"))
                ? List.of("ping") : List.of("busybox", "ping");
        for (int i = 0; i < 5; i++) { // the bridge port may still be on its way to forwarding
            Result result = inNamespace(concat(ping, "-c1", "-W1", address).toArray(String[]::new));
            if (result.exitCode() == 0) {
                return true;
            }
        }
        return false;
    }

    /** 10.251.N.0/24 that no route of this host mentions and that goes out by the default route. */
    private static String freeSubnet() throws Exception {
        String routes = run("ip", "-o", "route", "show", "table", "all").output();
        for (int i = 0; i < 250; i++) {
            String candidate = "10.251." + ((PID + i) % 250 + 1);
            Result route = run("ip", "route", "get", candidate + ".1");
            if (!routes.contains(candidate + ".") && (route.exitCode() != 0 || route.output().contains(" via "))) {
                return candidate;
            }
        }
        assumeTrue(false, "no free 10.251.N.0/24 on this host");
        return null;
    }

    private Inet4Address ip(String host) {
        try {
            return (Inet4Address) InetAddress.getByName(subnet + host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Result inNamespace(String... command) throws Exception {
        return run(concat(List.of("nsenter", "--net=/proc/" + holder.pid() + "/ns/net"), command).toArray(String[]::new));
    }

    private static List<String> concat(List<String> head, String... tail) {
        return Stream.concat(head.stream(), Arrays.stream(tail)).toList();
    }

    private static Path readLink(Path link) {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Result(int exitCode, String output) {}

    private static Result run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = process.waitFor(10, TimeUnit.SECONDS);
        return new Result(exited ? process.exitValue() : -1, Objects.requireNonNull(output));
    }
}
