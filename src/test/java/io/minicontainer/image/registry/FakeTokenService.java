package io.minicontainer.image.registry;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Bearer token realm like auth.docker.io: checks the service, checks Basic credentials when sent,
 * and grants the requested pull scope, except private repositories to anonymous callers (who get
 * a token without access, as Docker Hub does). Tokens expire by the shared clock.
 */
final class FakeTokenService extends FakeServer {
    static final String SERVICE = "fake-registry";

    enum Access { GRANTED, MISSING_SCOPE, INVALID }

    private record Grant(Set<String> scopes, Instant expires) {}

    private final MutableClock clock;
    private final Map<String, Grant> issued = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    final Set<String> privateRepositories = ConcurrentHashMap.newKeySet();
    /** 0: the answer has no expires_in (clients then assume 60 s), but tokens still die after 60 s. */
    volatile long expiresIn;
    /** Answer with OAuth's access_token instead of token. */
    volatile boolean oauthField;

    FakeTokenService(MutableClock clock) {
        this.clock = clock;
    }

    String realm() {
        return baseUrl() + "/token";
    }

    @Override
    void handle(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (!exchange.getRequestURI().getPath().equals("/token") || !SERVICE.equals(query.get("service"))) {
            sendJson(exchange, 400, "{\"details\":\"unknown service\"}");
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && !authorization.equals(FakeRegistry.BASIC)) {
            sendJson(exchange, 401, "{\"details\":\"incorrect username or password\"}");
            return;
        }
        String scope = query.getOrDefault("scope", "");
        boolean denied = scope.isEmpty() || authorization == null && privateRepositories.contains(repositoryOf(scope));
        String token = "token-" + counter.incrementAndGet();
        long lifetime = expiresIn > 0 ? expiresIn : 60;
        issued.put(token, new Grant(denied ? Set.of() : Set.of(scope), clock.instant().plusSeconds(lifetime)));
        String field = oauthField ? "access_token" : "token";
        sendJson(exchange, 200, "{\"" + field + "\":\"" + token + "\""
                + (expiresIn > 0 ? ",\"expires_in\":" + expiresIn : "") + ",\"issued_at\":\"" + clock.instant() + "\"}");
    }

    /** What an {@code Authorization} header sent to the registry allows for {@code scope} ("" for /v2/). */
    Access check(String authorization, String scope) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Access.INVALID;
        }
        Grant grant = issued.get(authorization.substring("Bearer ".length()));
        if (grant == null || !clock.instant().isBefore(grant.expires())) {
            return Access.INVALID;
        }
        return scope.isEmpty() || grant.scopes().contains(scope) ? Access.GRANTED : Access.MISSING_SCOPE;
    }

    /** Invalidates every token before its time, as a restarted token service would. */
    void revokeAll() {
        issued.clear();
    }

    int tokensIssued() {
        return counter.get();
    }

    private static String repositoryOf(String scope) {
        return scope.substring(scope.indexOf(':') + 1, scope.lastIndexOf(':'));
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
