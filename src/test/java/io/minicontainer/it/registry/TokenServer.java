package io.minicontainer.it.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.minicontainer.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Docker-Hub-style token service for the registry's {@code auth: token:} mode, on a loopback port:
 * {@code GET /token?service=S&scope=repository:NAME:pull,push} (Basic credentials optional), or the
 * OAuth2 form {@code POST /token grant_type=password}, answers an RS256 JWT whose {@code access}
 * grants the requested actions the caller may have. Wrong credentials get 401. Every request is
 * recorded so tests can assert that a client caches its tokens.
 */
public final class TokenServer implements AutoCloseable {
    public static final String SERVICE = "minicontainer-test-registry";
    public static final String ISSUER = "minicontainer-test-token-issuer";

    /**
     * {@code user}: who may pull and push (null: no credentials needed, everyone may everything);
     * {@code anonymousPull}: callers without credentials may pull; {@code lifetime}: of each token.
     */
    public record Options(Credentials user, boolean anonymousPull, Duration lifetime) {}

    /** One entry of a token's {@code access} claim. */
    public record Access(String type, String name, List<String> actions) {
        public Access {
            actions = List.copyOf(actions);
        }
    }

    /** A request as the server saw it: {@code user} is null for an anonymous one, {@code status} what it answered. */
    public record TokenRequest(String method, String user, List<String> scopes, int status, List<Access> granted) {}

    private final Options options;
    private final SigningKey key;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();

    private TokenServer(Options options, SigningKey key) throws IOException {
        this.options = options;
        this.key = key;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::handle);
        server.setExecutor(executor);
    }

    /** Makes a key pair with keytool in {@code dir} (about a second) and starts serving. */
    public static TokenServer start(Options options, Path dir) throws IOException {
        TokenServer tokens = new TokenServer(options, SigningKey.generate(dir));
        tokens.server.start();
        return tokens;
    }

    /** The {@code realm} the registry names in its challenges. */
    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    public String service() {
        return SERVICE;
    }

    public String issuer() {
        return ISSUER;
    }

    /** The signing certificate, the registry's {@code rootcertbundle}. */
    public Path certificatePem() {
        return key.certificatePem();
    }

    public int requestCount() {
        return requests.size();
    }

    public List<TokenRequest> requests() {
        return List.copyOf(requests);
    }

    /** Every {@code scope} asked for, in order, e.g. {@code repository:test/busybox:pull}. */
    public List<String> scopesRequested() {
        return requests.stream().flatMap(request -> request.scopes().stream()).toList();
    }

    public void resetCounts() {
        requests.clear();
    }

    /** Signs a token with any claims a test needs, e.g. one that expired long ago. */
    public String issue(String subject, List<Access> access, Instant issuedAt, Duration lifetime) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("aud", SERVICE); // a string: distribution 2.8 does not accept a list here
        claims.put("exp", issuedAt.plus(lifetime).getEpochSecond());
        claims.put("nbf", issuedAt.minusSeconds(1).getEpochSecond());
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("access", access.stream().map(a -> Map.of("type", a.type(), "name", a.name(), "actions", a.actions()))
                .toList());
        return Jwt.sign(key, claims);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            TokenQuery query = TokenQuery.of(exchange);
            if (query == null) {
                respond(exchange, 405, Map.of("details", "GET or POST only"));
                record(exchange, null, List.of(), 405, List.of());
                return;
            }
            String user = query.user();
            if (query.credentials() != null && options.user() != null && !query.credentials().equals(options.user())) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"" + realm() + "\"");
                respond(exchange, 401, Map.of("details", "incorrect username or password"));
                record(exchange, user, query.scopes(), 401, List.of());
                return;
            }
            boolean authenticated = options.user() == null || query.credentials() != null;
            List<Access> granted = grant(query.scopes(), authenticated);
            Instant now = Instant.now();
            String token = issue(user == null ? "" : user, granted, now, options.lifetime());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("token", token);
            body.put("access_token", token);
            body.put("expires_in", options.lifetime().toSeconds());
            body.put("issued_at", now.toString());
            respond(exchange, 200, body);
            record(exchange, user, query.scopes(), 200, granted);
        }
    }

    /** The requested actions this caller may have; resources it may do nothing with are left out. */
    private List<Access> grant(List<String> scopes, boolean authenticated) {
        List<Access> granted = new ArrayList<>();
        for (String scope : scopes) {
            int first = scope.indexOf(':');
            int last = scope.lastIndexOf(':');
            if (first < 0 || last <= first) {
                continue;
            }
            String type = scope.substring(0, first);
            List<String> allowed = switch (type) {
                case "repository" -> authenticated ? List.of("pull", "push", "delete", "*")
                        : options.anonymousPull() ? List.of("pull") : List.of();
                case "registry" -> authenticated ? List.of("*") : List.of();
                default -> List.of();
            };
            List<String> actions = List.of(scope.substring(last + 1).split(",")).stream().filter(allowed::contains)
                    .distinct().toList();
            if (!actions.isEmpty()) {
                granted.add(new Access(type, scope.substring(first + 1, last), actions));
            }
        }
        return granted;
    }

    private void record(HttpExchange exchange, String user, List<String> scopes, int status, List<Access> granted) {
        requests.add(new TokenRequest(exchange.getRequestMethod(), user, List.copyOf(scopes), status, granted));
    }

    private static void respond(HttpExchange exchange, int status, Map<String, Object> json) throws IOException {
        byte[] body = Json.write(json).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
