package io.minicontainer.network;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A network's leases on disk: one empty file per lease in {@code DIR/leases/}, named {@code ADDRESS@CONTAINER}.
 * A lease names its holder, so whoever releases it removes exactly that file: the container's monitor
 * does, when the container is gone ({@link #file}), and cannot take a lease handed to another container
 * meanwhile. A reader without the lock sees each lease there or not, never half of one.
 */
final class Leases {
    private static final Pattern NAME = Pattern.compile("([0-9.]+)@([A-Za-z0-9_.-]+)");

    private final Path dir;

    Leases(Path dir) {
        this.dir = dir;
    }

    /** The file of one lease. */
    Path file(Ipv4Address address, String containerId) {
        return dir.resolve(address + "@" + containerId);
    }

    /** Address to holder; empty when no lease was ever written. */
    TreeMap<Ipv4Address, String> read() {
        TreeMap<Ipv4Address, String> leases = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Matcher lease = NAME.matcher(file.getFileName().toString());
                Ipv4Address address = lease.matches() ? Ipv4Address.tryParse(lease.group(1)).orElse(null) : null;
                if (address == null) {
                    throw new NetworkException(file + ": not a lease (ADDRESS@CONTAINER)");
                }
                if (leases.put(address, lease.group(2)) != null) {
                    throw new NetworkException(dir + ": " + address + " is leased twice");
                }
            }
            return leases;
        } catch (NoSuchFileException e) {
            return leases;
        } catch (IOException e) {
            throw new NetworkException("read " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Makes the directory match {@code leases}: files of released leases go, new ones appear. */
    void write(Map<Ipv4Address, String> before, Map<Ipv4Address, String> leases) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<Ipv4Address, String> old : before.entrySet()) {
                if (!old.getValue().equals(leases.get(old.getKey()))) {
                    Files.deleteIfExists(file(old.getKey(), old.getValue()));
                }
            }
            for (Map.Entry<Ipv4Address, String> lease : leases.entrySet()) {
                if (!lease.getValue().equals(before.get(lease.getKey()))) {
                    createFile(file(lease.getKey(), lease.getValue()));
                }
            }
        } catch (IOException e) {
            throw new NetworkException("write " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void createFile(Path file) throws IOException {
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // a retried change: the lease is there
        }
    }
}
