package io.minicontainer.network;

import io.minicontainer.json.Json;
import io.minicontainer.json.JsonException;
import io.minicontainer.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The networks, one directory each under {@code ROOT/networks/NAME}: {@code network.json} (what it is) and
 * the leases of its addresses. Creating and removing happen under one lock, so two names or two subnets never
 * collide. The predefined {@code bridge}, {@code host} and {@code none} are written the first time they are
 * asked for; the default bridge's device and subnet come from {@link DefaultBridgeSettings}.
 */
public final class NetworkStore {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    private static final String FILE = "network.json";
    /** docker's br-<12 hex>; 15 characters, the most a device name may have. */
    private static final String DEVICE_PREFIX = "mc-";

    private final Path dir;
    private final DefaultBridgeSettings defaults;

    public NetworkStore(Path dir, DefaultBridgeSettings defaults) {
        this.dir = dir;
        this.defaults = defaults;
    }

    /** The directory of a network's own files (its leases). */
    public Path dir(Network network) {
        return dir.resolve(network.name());
    }

    /** By name, full id or a unique id prefix, as docker looks networks up. */
    public Network find(String ref) {
        if (Network.predefined(ref)) {
            return predefined(ref);
        }
        Optional<Network> named = read(ref);
        if (named.isPresent()) {
            return named.get();
        }
        List<Network> byId = list().stream().filter(n -> !ref.isEmpty() && n.id().startsWith(ref)).toList();
        if (byId.size() > 1) {
            throw new NetworkException("network " + ref + " is ambiguous (" + byId.size() + " matches found based on ID prefix)");
        }
        return byId.stream().findFirst().orElseThrow(() -> new NetworkException("network " + ref + " not found"));
    }

    /** Every network, the predefined ones included, by name. */
    public List<Network> list() {
        List.of(Network.DEFAULT, Network.HOST, Network.NONE).forEach(this::predefined);
        return recorded();
    }

    /** What is on disk, without writing the predefined networks: usable under the lock. */
    private List<Network> recorded() {
        List<Network> networks = new ArrayList<>();
        names().forEach(name -> read(name).ifPresent(networks::add));
        networks.sort(Comparator.comparing(Network::name));
        return networks;
    }

    /** {@code network create}: a new bridge network; the bridge device appears with its first container. */
    public Network create(String name, Optional<Subnet> subnet, Optional<Ipv4Address> gateway, Map<String, String> labels) {
        if (!NAME.matcher(name).matches()) {
            throw new NetworkException("invalid network name \"" + name + "\": must match [a-zA-Z0-9][a-zA-Z0-9_.-]*");
        }
        predefined(Network.DEFAULT); // its subnet is taken before a new one is chosen
        return locked(() -> {
            if (Network.predefined(name) || read(name).isPresent()) {
                throw new NetworkException("network with name " + name + " already exists");
            }
            String id = newId();
            String device = DEVICE_PREFIX + id.substring(0, 12);
            Subnet chosen = subnet.map(this::requireFree).orElseGet(() -> freeSubnet(device));
            Ipv4Address gatewayAddress = gateway.orElse(chosen.firstHost());
            new Ipam(dir.resolve(name), name, chosen, gatewayAddress); // checks the gateway lies in the subnet
            Network network = new Network(name, id, "bridge", Instant.now(),
                    Optional.of(new Network.Bridge(device, chosen, gatewayAddress)), labels);
            write(network);
            return network;
        });
    }

    /** Forgets a network; the caller has taken down its bridge and rules. */
    public void remove(Network network) {
        if (Network.predefined(network.name())) {
            throw new NetworkException(network.name() + " is a pre-defined network and cannot be removed");
        }
        locked(() -> {
            deleteTree(dir(network));
            return null;
        });
    }

    private Subnet requireFree(Subnet wanted) {
        for (Network other : recorded()) {
            if (other.bridge().isPresent() && other.bridge().get().subnet().overlaps(wanted)) {
                throw new NetworkException("invalid pool request: Pool overlaps with other one on this address space");
            }
        }
        return wanted;
    }

    /** The first default pool that neither another network nor a route of the host uses. */
    private Subnet freeSubnet(String device) {
        List<Network> networks = recorded();
        Set<String> ours = networks.stream().flatMap(n -> n.bridge().stream()).map(Network.Bridge::device)
                .collect(Collectors.toSet());
        ours.add(device);
        List<Subnet> taken = new ArrayList<>(SubnetChooser.routedSubnets(HostRoutes.read(), ours));
        networks.forEach(n -> n.bridge().ifPresent(b -> taken.add(b.subnet())));
        return SubnetChooser.choose(AddressPool.DOCKER_DEFAULTS, taken);
    }

    /** The predefined network, written on first use; the default bridge follows the settings it runs with. */
    private Network predefined(String name) {
        Optional<Network> recorded = read(name);
        if (name.equals(Network.DEFAULT)) {
            Optional<Network> current = recorded.filter(defaults::matches);
            return current.orElseGet(() -> locked(() -> read(name).filter(defaults::matches)
                    .orElseGet(() -> writeDefault(recorded))));
        }
        return recorded.orElseGet(() -> locked(() -> read(name).orElseGet(() -> {
            Network network = new Network(name, newId(), name.equals(Network.HOST) ? "host" : "null", Instant.now(),
                    Optional.empty(), Map.of());
            write(network);
            return network;
        })));
    }

    /** The default bridge as settings say, keeping its id, and its subnet unless the settings fix another. */
    private Network writeDefault(Optional<Network> recorded) {
        Subnet subnet = defaults.subnet()
                .or(() -> recorded.flatMap(Network::bridge).map(Network.Bridge::subnet))
                .orElseGet(() -> freeSubnet(defaults.device()));
        Network network = new Network(Network.DEFAULT, recorded.map(Network::id).orElseGet(NetworkStore::newId),
                "bridge", recorded.map(Network::created).orElseGet(Instant::now),
                Optional.of(new Network.Bridge(defaults.device(), subnet, subnet.firstHost())), Map.of());
        write(network);
        return network;
    }

    private List<String> names() {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> NAME.matcher(name).matches()).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new NetworkException("list " + dir + ": " + e.getMessage(), e);
        }
    }

    private Optional<Network> read(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = dir.resolve(name).resolve(FILE);
        try {
            return Optional.of(NetworkJson.parse(JsonObject.of(Json.parse(Files.readString(file)), file.toString())));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | JsonException | IllegalArgumentException e) {
            throw new NetworkException("read " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(Network network) {
        Path file = dir(network).resolve(FILE);
        Path temp = file.resolveSibling(FILE + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(temp, Json.writePretty(network.toJson()) + "\n");
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new NetworkException("write " + file + ": " + e.getMessage(), e);
        }
    }

    private <T> T locked(Supplier<T> change) {
        try {
            Files.createDirectories(dir);
            try (ExclusiveFileLock _ = ExclusiveFileLock.acquire(dir.resolve(".lock"))) {
                return change.get();
            }
        } catch (IOException e) {
            throw new NetworkException("lock " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            throw new NetworkException("remove " + root + ": " + e.getMessage(), e);
        }
    }

    private static String newId() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
