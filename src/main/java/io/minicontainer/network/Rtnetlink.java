package io.minicontainer.network;

import io.minicontainer.sys.NetNamespace;
import io.minicontainer.sys.NetlinkSocket;
import io.minicontainer.sys.SyscallException;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Links, addresses and routes of one network namespace, through rtnetlink: what `ip link`,
 * `ip addr` and `ip route` do, without running them. Links are named; each call looks the index up
 * first, as `ip` does. A failure is a {@link SyscallException} that says what was being done:
 * "create bridge mc0: File exists".
 *
 * <p>The namespace is the one of the thread that {@link #open opened} this (see
 * {@link NetNamespace#callInside}), for as long as it is open. Not thread-safe.
 */
public final class Rtnetlink implements AutoCloseable {
    private static final int ENODEV = 19;

    private final NetlinkSocket socket;

    private Rtnetlink(NetlinkSocket socket) {
        this.socket = socket;
    }

    /** Talks to the calling thread's network namespace. */
    public static Rtnetlink open() {
        return new Rtnetlink(NetlinkSocket.openRoute());
    }

    /** Runs {@code work} on the links of another namespace (a fresh thread enters it, then ends). */
    public static <T> T inside(NetNamespace namespace, Function<Rtnetlink, T> work) {
        return namespace.callInside(() -> {
            try (Rtnetlink rtnetlink = open()) {
                return work.apply(rtnetlink);
            }
        });
    }

    public void createBridge(String name) {
        socket.request(Requests.createBridge(checkedName(name)), "create bridge", name);
    }

    /** Both ends of a veth pair in this namespace; what enters one leaves the other. */
    public void createVeth(String name, String peer) {
        socket.request(Requests.createVeth(checkedName(name), checkedName(peer)), "create veth pair", name + " " + peer);
    }

    /** Attaches {@code link} as a port of the bridge {@code master}. */
    public void setMaster(String link, String master) {
        int masterIndex = indexOf(master);
        socket.request(Requests.setMaster(indexOf(link), masterIndex), "attach", link + " to " + master);
    }

    public void setUp(String link, boolean up) {
        socket.request(Requests.setUp(indexOf(link), up), "set", link + (up ? " up" : " down"));
    }

    public void setMtu(String link, int mtu) {
        socket.request(Requests.setMtu(indexOf(link), mtu), "set mtu " + mtu + " on", link);
    }

    public void setMac(String link, MacAddress mac) {
        socket.request(Requests.setMac(indexOf(link), mac), "set address " + mac + " on", link);
    }

    public void rename(String link, String newName) {
        socket.request(Requests.rename(indexOf(link), checkedName(newName)), "rename", link + " to " + newName);
    }

    /** Moves {@code link} out of this namespace into {@code target}; it keeps its name there. */
    public void moveToNamespace(String link, NetNamespace target) {
        socket.request(Requests.moveToNamespace(indexOf(link), target.fd()), "move",
                link + " to network namespace " + target.path());
    }

    /** Removes a link; a veth pair goes as a whole, a bridge's ports are detached. */
    public void deleteLink(String link) {
        socket.request(Requests.deleteLink(indexOf(link)), "delete link", link);
    }

    /** ADDRESS/PREFIX on {@code link}, with the subnet's broadcast address. */
    public void addAddress(String link, Inet4Address address, int prefixLength) {
        socket.request(Requests.addAddress(indexOf(link), address, prefixLength), "add address",
                address.getHostAddress() + "/" + prefixLength + " to " + link);
    }

    /** The default route through {@code gateway}, which an address of a link that is up must reach. */
    public void addDefaultRoute(Inet4Address gateway) {
        socket.request(Requests.addDefaultRoute(gateway), "add default route via", gateway.getHostAddress());
    }

    /** The link of that name, or empty when there is none. */
    public Optional<Link> find(String name) {
        try {
            return Optional.of(link(name));
        } catch (SyscallException e) {
            if (e.errno() == ENODEV) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The link of that name; a missing one is an error ("find link eth9: No such device"). */
    public Link link(String name) {
        List<ByteBuffer> replies = socket.request(Requests.getLink(checkedName(name)), "find link", name);
        if (replies.size() != 1) {
            throw new IllegalStateException("find link " + name + ": " + replies.size() + " answers");
        }
        return Link.decode(replies.getFirst());
    }

    public int indexOf(String name) {
        return link(name).index();
    }

    /** Every link of the namespace, in index order. */
    public List<Link> links() {
        return socket.request(Requests.dumpLinks(), "list", "links").stream().map(Link::decode).toList();
    }

    /** Traffic counters of {@code link}, as the kernel keeps them (64 bits). */
    public LinkStats stats(String link) {
        return link(link).stats();
    }

    @Override
    public void close() {
        socket.close();
    }

    /** IFNAMSIZ is 16 with the NUL; '/', whitespace and ':' are refused by the kernel or break `ip`. */
    static String checkedName(String name) {
        if (name.isEmpty() || name.length() > 15 || name.equals(".") || name.equals("..")
                || !name.chars().allMatch(c -> c > ' ' && c < 0x7f && c != '/' && c != ':')) {
            throw new IllegalArgumentException("invalid network interface name: \"" + name + "\"");
        }
        return name;
    }
}
