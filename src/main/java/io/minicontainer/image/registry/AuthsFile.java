package io.minicontainer.image.registry;

import io.minicontainer.json.Json;
import io.minicontainer.json.JsonException;
import io.minicontainer.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * docker's {@code {"auths": {registry: {"auth": base64(user:password)}}}} format, which both
 * {@code ~/.docker/config.json} and the engine's own {@code auth.json} use, so users recognize it.
 */
final class AuthsFile {
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final Set<String> DOCKER_HUB_ALIASES =
            Set.of("docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com");

    private AuthsFile() {}

    /**
     * The registry a key of {@code auths} names: scheme and path dropped, lower case, and Docker Hub's
     * many names ({@code https://index.docker.io/v1/}, which docker login writes) all {@code docker.io}.
     */
    static String canonicalRegistry(String key) {
        String name = key.trim().toLowerCase(Locale.ROOT);
        int scheme = name.indexOf("://");
        if (scheme >= 0) {
            name = name.substring(scheme + 3);
        }
        int slash = name.indexOf('/');
        if (slash >= 0) {
            name = name.substring(0, slash);
        }
        return DOCKER_HUB_ALIASES.contains(name) ? "docker.io" : name;
    }

    /** Canonical registry to credentials; empty when the file does not exist. Entries without a password are skipped. */
    static Map<String, Credentials> read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        try {
            JsonObject auths = JsonObject.of(Json.parse(text), file.toString()).object("auths");
            Map<String, Credentials> credentials = new LinkedHashMap<>();
            for (String key : auths.keys()) {
                JsonObject entry = auths.object(key);
                Credentials found = entry(entry);
                if (found != null) {
                    credentials.putIfAbsent(canonicalRegistry(key), found);
                }
            }
            return credentials;
        } catch (JsonException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** {@code auth}, or the {@code username}/{@code password} pair docker also accepts; identity tokens are not supported. */
    private static Credentials entry(JsonObject entry) {
        try {
            if (entry.has("auth") && !entry.string("auth").isEmpty()) {
                return Credentials.decode(entry.string("auth"));
            }
            if (entry.has("username") && entry.has("password")) {
                return new Credentials(entry.string("username"), entry.string("password"));
            }
            return null;
        } catch (IllegalArgumentException e) {
            throw new JsonException(entry.pathOf("auth") + ": " + e.getMessage());
        }
    }

    /** Replaces the file atomically with a 0600 one: the password must never be readable by others, not even briefly. */
    static void write(Path file, Map<String, Credentials> credentials) throws IOException {
        Map<String, Object> auths = new LinkedHashMap<>();
        credentials.forEach((registry, entry) -> auths.put(registry, Map.of("auth", entry.encoded())));
        byte[] bytes = (Json.writePretty(Map.of("auths", auths)) + "\n").getBytes(StandardCharsets.UTF_8);

        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp", OWNER_ONLY);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
