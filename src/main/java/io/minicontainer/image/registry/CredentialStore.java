package io.minicontainer.image.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Registry credentials: the engine's own file (written by {@link #login}, mode 0600), then the user's
 * {@code ~/.docker/config.json}, read only, so a {@code docker login} also works here. Credential
 * helpers ({@code credsStore}, {@code credHelpers}) are not supported.
 *
 * <p>{@link #login} only stores: check the credentials first with {@link RegistryClient#checkLogin}.
 */
public final class CredentialStore {
    private final Path file;
    private final Path dockerConfig;

    /** {@code file}: where logins are kept (the engine passes ROOT/auth.json); docker's config under the user's home. */
    public CredentialStore(Path file) {
        this(file, Path.of(System.getProperty("user.home")));
    }

    /** {@code home}: the directory whose {@code .docker/config.json} is honoured (injectable for tests). */
    public CredentialStore(Path file, Path home) {
        this.file = Objects.requireNonNull(file, "file");
        this.dockerConfig = home.resolve(".docker").resolve("config.json");
    }

    /** The canonical name credentials are kept under: {@code https://index.docker.io/v1/} is {@code docker.io}. */
    public static String normalizeRegistry(String registry) {
        return AuthsFile.canonicalRegistry(registry);
    }

    public Path file() {
        return file;
    }

    public void login(String registry, String username, String password) throws IOException {
        login(registry, new Credentials(username, password));
    }

    public synchronized void login(String registry, Credentials credentials) throws IOException {
        if (credentials.username().contains(":")) {
            throw new IllegalArgumentException("a user name must not contain ':'");
        }
        Map<String, Credentials> stored = new LinkedHashMap<>(AuthsFile.read(file));
        stored.put(normalizeRegistry(registry), credentials);
        AuthsFile.write(file, stored);
    }

    /** Forgets the stored credentials; false when there were none in this store (docker's config is never changed). */
    public synchronized boolean logout(String registry) throws IOException {
        Map<String, Credentials> stored = new LinkedHashMap<>(AuthsFile.read(file));
        if (stored.remove(normalizeRegistry(registry)) == null) {
            return false;
        }
        AuthsFile.write(file, stored);
        return true;
    }

    /** The credentials for {@code registry}: this store's first, then docker's config.json. */
    public Optional<Credentials> find(String registry) throws IOException {
        String key = normalizeRegistry(registry);
        Credentials own = AuthsFile.read(file).get(key);
        if (own != null) {
            return Optional.of(own);
        }
        return Optional.ofNullable(AuthsFile.read(dockerConfig).get(key));
    }
}
