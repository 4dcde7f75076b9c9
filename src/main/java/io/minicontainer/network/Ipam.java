package io.minicontainer.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The addresses of one network's containers, kept in {@code DIR/leases/} (a file per lease, {@link Leases}).
 * Every change reads, modifies and writes them under an exclusive lock on {@code DIR/leases.lock}, so
 * CLIs running at once, and threads of one JVM, never hand out the same address twice.
 *
 * <p>The gateway is never leased, nor the subnet's network and broadcast addresses. Addresses are handed
 * out lowest first; a released address is free again at once.
 */
public final class Ipam {
    public static final String LEASES_DIR = "leases";
    static final String LOCK_FILE = "leases.lock";

    private final Path dir;
    private final String network;
    private final Subnet subnet;
    private final Ipv4Address gateway;
    private final Leases leaseFiles;

    /**
     * @param dir the network's directory, e.g. {@code ROOT/networks/NAME}; created on the first change
     * @param network the network's name, for messages
     */
    public Ipam(Path dir, String network, Subnet subnet, Ipv4Address gateway) {
        if (!subnet.contains(gateway)) {
            throw new NetworkException("invalid gateway " + gateway + ": parent subnet " + subnet
                    + " doesn't contain this address");
        }
        if (subnet.isReserved(gateway)) {
            throw new NetworkException("invalid gateway " + gateway + ": it is the network or broadcast address of "
                    + subnet);
        }
        this.dir = dir;
        this.network = network;
        this.subnet = subnet;
        this.gateway = gateway;
        this.leaseFiles = new Leases(dir.resolve(LEASES_DIR));
    }

    /** The usual case: the network is named after its directory and its gateway is the subnet's first host. */
    public static Ipam of(Path dir, Subnet subnet) {
        return new Ipam(dir, dir.getFileName().toString(), subnet, subnet.firstHost());
    }

    public Subnet subnet() {
        return subnet;
    }

    public Ipv4Address gateway() {
        return gateway;
    }

    /** The lowest free address; the container's own if it already holds one here. */
    public Ipv4Address allocate(String containerId) {
        return update(leases -> held(leases, containerId).orElseGet(() -> {
            Ipv4Address free = lowestFree(leases);
            leases.put(free, containerId);
            return free;
        }));
    }

    /**
     * {@code requested} ({@code --ip}), with docker's refusals: outside the subnet, or already taken,
     * which includes the gateway and the subnet's network and broadcast addresses.
     */
    public Ipv4Address allocate(String containerId, Ipv4Address requested) {
        if (!subnet.contains(requested)) {
            throw new NetworkException("no configured subnet or ip-range contain the IP address " + requested);
        }
        return update(leases -> {
            Optional<Ipv4Address> held = held(leases, containerId);
            if (held.isPresent() && !held.get().equals(requested)) {
                throw new NetworkException("container " + containerId + " already has address " + held.get()
                        + " on network " + network);
            }
            if (held.isEmpty() && (isUnavailable(requested) || leases.containsKey(requested))) {
                throw new NetworkException("Address already in use");
            }
            leases.put(requested, containerId);
            return requested;
        });
    }

    /** Frees {@code address}; false if it was not leased. */
    public boolean release(Ipv4Address address) {
        return update(leases -> leases.remove(address) != null);
    }

    /** Frees every address {@code containerId} holds here, and says which. */
    public List<Ipv4Address> releaseAll(String containerId) {
        return update(leases -> {
            List<Ipv4Address> released = new ArrayList<>();
            leases.entrySet().removeIf(lease -> lease.getValue().equals(containerId) && released.add(lease.getKey()));
            return List.copyOf(released);
        });
    }

    /** Address to container id, lowest address first: a snapshot, read without waiting for the lock. */
    public SortedMap<Ipv4Address, String> leases() {
        return Collections.unmodifiableSortedMap(leaseFiles.read());
    }

    /** The file that is the lease: removing it releases the address (the monitor does, at exit). */
    public Path leaseFile(Ipv4Address address, String containerId) {
        return leaseFiles.file(address, containerId);
    }

    /** The address {@code containerId} holds here, if any. */
    public Optional<Ipv4Address> addressOf(String containerId) {
        return held(leaseFiles.read(), containerId);
    }

    private static Optional<Ipv4Address> held(Map<Ipv4Address, String> leases, String containerId) {
        return leases.entrySet().stream().filter(lease -> lease.getValue().equals(containerId))
                .map(Map.Entry::getKey).findFirst();
    }

    private boolean isUnavailable(Ipv4Address address) {
        return address.equals(gateway) || subnet.isReserved(address);
    }

    private Ipv4Address lowestFree(Map<Ipv4Address, String> leases) {
        Ipv4Address last = subnet.lastHost();
        for (Ipv4Address candidate = subnet.firstHost(); candidate.compareTo(last) <= 0; candidate = candidate.plus(1)) {
            if (!isUnavailable(candidate) && !leases.containsKey(candidate)) {
                return candidate;
            }
            if (candidate.equals(last)) {
                break; // 255.255.255.255 + 1 would wrap to 0.0.0.0
            }
        }
        throw new NetworkException("no available IPv4 addresses on this network's address pools: " + network);
    }

    /** Runs {@code change} on the current leases under the lock and writes them back if it changed them. */
    private <T> T update(Function<TreeMap<Ipv4Address, String>, T> change) {
        try {
            Files.createDirectories(dir);
            try (ExclusiveFileLock _ = ExclusiveFileLock.acquire(dir.resolve(LOCK_FILE))) {
                TreeMap<Ipv4Address, String> leases = leaseFiles.read();
                TreeMap<Ipv4Address, String> before = new TreeMap<>(leases);
                T result = change.apply(leases);
                if (!leases.equals(before)) {
                    leaseFiles.write(before, leases);
                }
                return result;
            }
        } catch (IOException e) {
            throw new NetworkException("network " + network + ": leases: " + e.getMessage(), e);
        }
    }
}
