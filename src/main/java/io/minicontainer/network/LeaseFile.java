package io.minicontainer.network;

import io.minicontainer.json.Json;
import io.minicontainer.json.JsonException;
import io.minicontainer.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A network's leases on disk, {@code {"leases": {"172.17.0.2": "<container id>", ...}}}, addresses in order.
 * A write replaces the file with one rename, so a reader without the lock sees the old or the new leases,
 * never half of them.
 */
final class LeaseFile {
    private final Path file;

    LeaseFile(Path file) {
        this.file = file;
    }

    /** Empty when the file does not exist yet. */
    TreeMap<Ipv4Address, String> read() {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (IOException e) {
            throw new NetworkException("read " + file + ": " + e.getMessage(), e);
        }
        try {
            TreeMap<Ipv4Address, String> leases = new TreeMap<>();
            JsonObject.of(Json.parse(text), file.toString()).stringMap("leases")
                    .forEach((address, id) -> leases.put(parseAddress(address), id));
            return leases;
        } catch (JsonException e) {
            throw new NetworkException(e.getMessage(), e);
        }
    }

    private Ipv4Address parseAddress(String text) {
        return Ipv4Address.tryParse(text)
                .orElseThrow(() -> new NetworkException(file + ": leases: \"" + text + "\" is not an IPv4 address"));
    }

    void write(TreeMap<Ipv4Address, String> leases) {
        Map<String, String> json = new LinkedHashMap<>();
        leases.forEach((address, id) -> json.put(address.toString(), id));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temp, Json.writePretty(Map.of("leases", json)) + "\n");
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new NetworkException("write " + file + ": " + e.getMessage(), e);
        }
    }
}
