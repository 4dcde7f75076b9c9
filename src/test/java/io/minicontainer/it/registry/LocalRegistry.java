package io.minicontainer.it.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The CNCF distribution registry ({@code /usr/bin/docker-registry}, Debian's docker-registry
 * package) on a free loopback port, with its storage, config and log in a directory of its own
 * under the one the test gives. close() stops it (and its token server) and removes that directory.
 *
 * <pre>{@code
 * try (LocalRegistry registry = LocalRegistry.start(Auth.basic("alice", "secret"), tmp)) {
 *     PushedImage image = TestImages.pushBusybox(registry, "test/busybox:1");
 *     // pull registry.host() + "/test/busybox:1" with registry.credentials()
 * }
 * }</pre>
 */
public final class LocalRegistry implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/docker-registry");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final int PORT_ATTEMPTS = 5;

    private final Auth auth;
    private final Path dir;
    private final TokenServer tokenServer;
    private ManagedProcess process;
    private int port;

    private LocalRegistry(Auth auth, Path dir, TokenServer tokenServer) {
        this.auth = auth;
        this.dir = dir;
        this.tokenServer = tokenServer;
    }

    /** Starts a registry and waits until {@code GET /v2/} answers. */
    public static LocalRegistry start(Auth auth, Path parentDir) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install docker-registry");
        }
        Path dir = Files.createTempDirectory(parentDir, "registry-");
        TokenServer tokens = null;
        LocalRegistry registry = null;
        try {
            if (auth instanceof Auth.Token token) {
                tokens = TokenServer.start(token.options(), Files.createDirectory(dir.resolve("token")));
            }
            registry = new LocalRegistry(auth, dir, tokens);
            registry.launch();
            return registry;
        } catch (IOException | RuntimeException e) {
            if (registry != null) {
                registry.close();
            } else {
                if (tokens != null) {
                    tokens.close();
                }
                Dirs.deleteRecursively(dir);
            }
            throw e;
        }
    }

    private void launch() throws IOException {
        Path config = dir.resolve("config.yml");
        Files.createDirectories(dir.resolve("storage"));
        Path log = dir.resolve("registry.log");
        String authSection = RegistryConfig.authSection(auth, dir, tokenServer);
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            port = FreePort.pick();
            Files.writeString(config, RegistryConfig.yaml(dir.resolve("storage"), port, authSection));
            process = ManagedProcess.start(List.of(BINARY.toString(), "serve", config.toString()), log);
            if (awaitReady()) {
                return;
            }
            String tail = process.logTail();
            process.close();
            if (!tail.contains("address already in use")) {
                throw new IllegalStateException("the registry did not start:\n" + tail);
            }
        }
        throw new IllegalStateException("no free port for the registry after " + PORT_ATTEMPTS + " attempts");
    }

    /** True once the registry answers (200, or 401 with auth); false if it died. */
    private boolean awaitReady() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            HttpRequest probe = HttpRequest.newBuilder(url().resolve("/v2/")).timeout(Duration.ofSeconds(2)).build();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    return false;
                }
                try {
                    int status = client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200 || status == 401) {
                        return true;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(25);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the registry", e);
        }
        throw new IllegalStateException("the registry did not answer within " + START_TIMEOUT + ":\n" + process.logTail());
    }

    /** {@code 127.0.0.1:PORT}, the host part of image references. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI url() {
        return URI.create("http://" + host());
    }

    /** {@code host()/repoAndTag}, e.g. {@code 127.0.0.1:40123/test/busybox:1}. */
    public String reference(String repoAndTag) {
        return host() + "/" + repoAndTag;
    }

    public Auth auth() {
        return auth;
    }

    /** The credentials that may push and pull; empty with {@link Auth#NONE}. */
    public Optional<Credentials> credentials() {
        return auth.credentials();
    }

    /** The token server with {@link Auth#token}, to count its requests. */
    public Optional<TokenServer> tokenServer() {
        return Optional.ofNullable(tokenServer);
    }

    /** This registry's own directory; removed on close. */
    public Path dir() {
        return dir;
    }

    /** A fresh directory for a test's files next to the registry's (image layouts, skopeo output). */
    public Path newScratchDir(String prefix) throws IOException {
        return Files.createTempDirectory(Files.createDirectories(dir.resolve("scratch")), prefix);
    }

    /** The end of the registry's log (warnings and the access log). */
    public String logTail() {
        return process == null ? "" : process.logTail();
    }

    /** skopeo for this registry: plain HTTP, this registry's credentials, temporary files in its directory. */
    public Skopeo skopeo() {
        return new Skopeo(dir, credentials());
    }

    @Override
    public void close() {
        try {
            if (process != null) {
                process.close();
            }
        } finally {
            if (tokenServer != null) {
                tokenServer.close();
            }
            Dirs.deleteRecursively(dir);
        }
    }

    @Override
    public String toString() {
        return "LocalRegistry[" + host() + ", " + auth.getClass().getSimpleName() + ", pid "
                + (process == null ? "-" : process.pid()) + "]";
    }
}
