package io.minicontainer.image.registry;

import io.minicontainer.json.Json;
import io.minicontainer.json.JsonException;
import io.minicontainer.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends registry requests and answers their 401 challenges: Basic with the stored credentials,
 * Bearer with a token from the challenge's realm (anonymous when there are no credentials).
 * Tokens are cached per registry and scope for their {@code expires_in}; once a registry asked for
 * Basic, its credentials go with every request. Thread-safe: layers download in parallel.
 */
final class Authenticator {
    /** Like {@link CredentialStore#find}; a lambda for {@link RegistryClient#checkLogin}'s credentials under test. */
    @FunctionalInterface
    interface CredentialSource {
        Optional<Credentials> find(String registry) throws IOException;
    }

    private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(60);
    private static final int MAX_TOKEN_RESPONSE = 1024 * 1024;

    private record Key(String registry, String scope) {}

    private record Token(String authorization, Instant expiresAt, Challenge challenge) {}

    private final CredentialSource credentials;
    private final Transport transport;
    private final Clock clock;
    private final Map<Key, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> basicByRegistry = new ConcurrentHashMap<>();

    Authenticator(CredentialSource credentials, Transport transport, Clock clock) {
        this.credentials = credentials;
        this.transport = transport;
        this.clock = clock;
    }

    /**
     * GET {@code path}, authorized for {@code scope} ({@code repository:library/busybox:pull}, or ""
     * for {@code /v2/}); any status but a second 401 is the caller's to judge.
     *
     * @param context starts every error message: {@code docker.io/library/busybox:latest}
     */
    HttpResponse<InputStream> get(RegistryEndpoint endpoint, String path, String scope, Map<String, String> headers,
            String context) throws IOException {
        URI uri = endpoint.uri(path);
        String server = "registry " + endpoint.authority();
        String registry = endpoint.registry();
        HttpResponse<InputStream> response = transport.get(uri, headers, upFront(registry, scope, context), server);
        if (response.statusCode() != 401) {
            return response;
        }
        Optional<Challenge> challenge = Challenge.from(response.headers());
        String detail = ErrorBodies.detail(response);
        if (challenge.isEmpty()) {
            throw new RegistryException(401, context + ": HTTP 401 without a WWW-Authenticate challenge"
                    + (detail.isEmpty() ? "" : ": " + detail));
        }
        String authorization = answer(registry, scope, challenge.get(), context);
        response = transport.get(uri, headers, authorization, server);
        if (response.statusCode() == 401) {
            throw rejected(registry, scope, challenge.get(), response, context);
        }
        return response;
    }

    /**
     * The Authorization to send before any challenge: a live token for this scope (renewed when it
     * expired, from the challenge that brought it, which saves a 401), or the registry's Basic
     * credentials once it asked for them; else null.
     */
    private String upFront(String registry, String scope, String context) throws IOException {
        Key key = new Key(registry, scope);
        Token token = tokens.get(key);
        if (token == null) {
            return basicByRegistry.get(registry);
        }
        if (!clock.instant().isBefore(token.expiresAt())) {
            token = fetchToken(registry, scope, token.challenge(), context);
            tokens.put(key, token);
        }
        return token.authorization();
    }

    private String answer(String registry, String scope, Challenge challenge, String context) throws IOException {
        if (challenge.isBasic()) {
            String basic = credentials.find(registry)
                    .orElseThrow(() -> new RegistryException(401, context + ": authentication required"))
                    .basicAuthorization();
            basicByRegistry.put(registry, basic);
            return basic;
        }
        if (challenge.isBearer()) {
            Token token = fetchToken(registry, scope, challenge, context);
            tokens.put(new Key(registry, scope), token);
            return token.authorization();
        }
        throw new RegistryException(401, context + ": unsupported authentication scheme \"" + challenge.scheme() + "\"");
    }

    /** GET realm?service=…&scope=…, with Basic credentials when we have some; the challenge's scope wins over ours. */
    private Token fetchToken(String registry, String scope, Challenge challenge, String context) throws IOException {
        String wantedScope = challenge.param("scope").isEmpty() ? scope : challenge.param("scope");
        URI uri = tokenUri(challenge, wantedScope, context);
        String server = "token service " + uri.getAuthority();
        Optional<Credentials> login = credentials.find(registry);
        HttpResponse<InputStream> response = transport.get(uri, Map.of("Accept", "application/json"),
                login.map(Credentials::basicAuthorization).orElse(null), server);
        if (response.statusCode() == 401) {
            ErrorBodies.detail(response);
            throw login.isPresent() ? incorrectLogin(context) : authenticationRequired(context);
        }
        if (response.statusCode() != 200) {
            throw ErrorBodies.failure(context + ": " + server, response);
        }
        try (InputStream body = response.body()) {
            return token(body.readNBytes(MAX_TOKEN_RESPONSE), challenge, context + ": " + server);
        }
    }

    private static URI tokenUri(Challenge challenge, String scope, String context) throws RegistryException {
        String realm = challenge.param("realm");
        StringBuilder query = new StringBuilder();
        appendParam(query, "service", challenge.param("service"));
        appendParam(query, "scope", scope);
        String separator = query.isEmpty() ? "" : realm.contains("?") ? "&" : "?";
        try {
            URI uri = URI.create(realm + separator + query);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new RegistryException(context + ": invalid token realm \"" + realm + "\"");
        }
    }

    private static void appendParam(StringBuilder query, String name, String value) {
        if (!value.isEmpty()) {
            query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /** {@code token}, or OAuth's {@code access_token}; lives {@code expires_in} seconds, 60 when not said. */
    private Token token(byte[] body, Challenge challenge, String where) throws RegistryException {
        try {
            JsonObject json = JsonObject.of(Json.parse(new String(body, StandardCharsets.UTF_8)), where);
            String token = json.string("token", "");
            if (token.isEmpty()) {
                token = json.string("access_token", "");
            }
            if (token.isEmpty()) {
                throw new RegistryException(where + ": answered without a token");
            }
            long seconds = json.number("expires_in", 0);
            Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_TOKEN_LIFETIME;
            return new Token("Bearer " + token, clock.instant().plus(lifetime), challenge);
        } catch (JsonException e) {
            throw new RegistryException(where + ": invalid token response: " + e.getMessage());
        }
    }

    /** The error for a request refused again after its challenge was answered. */
    private RegistryException rejected(String registry, String scope, Challenge answered,
            HttpResponse<InputStream> response, String context) throws IOException {
        tokens.remove(new Key(registry, scope));
        basicByRegistry.remove(registry);
        Optional<Challenge> again = Challenge.from(response.headers());
        String detail = ErrorBodies.detail(response);
        if (again.isPresent() && again.get().param("error").equals("insufficient_scope")) {
            String denied = again.get().param("scope").isEmpty() ? scope : again.get().param("scope");
            return new RegistryException(401, context + ": insufficient_scope: access to " + denied
                    + " denied (the repository does not exist, or needs a login)");
        }
        if (credentials.find(registry).isEmpty()) {
            return authenticationRequired(context);
        }
        if (answered.isBasic()) {
            return incorrectLogin(context);
        }
        return new RegistryException(401, context + ": " + (detail.isEmpty() ? "unauthorized" : detail));
    }

    private static RegistryException authenticationRequired(String context) {
        return new RegistryException(401, context + ": authentication required");
    }

    private static RegistryException incorrectLogin(String context) {
        return new RegistryException(401, context + ": unauthorized: incorrect username or password");
    }
}
