package io.minicontainer.it.registry;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a token request asks: the scopes and, if any, the credentials, from either form clients use:
 * GET with query parameters and an {@code Authorization: Basic} header (docker, skopeo), or an OAuth2
 * {@code POST} form with {@code grant_type=password} (containerd).
 */
record TokenQuery(List<String> scopes, Credentials credentials, String account) {
    /** The user name the caller gave, even a wrong one; null when anonymous. */
    String user() {
        return credentials != null ? credentials.user() : account;
    }

    /** Null when the method is neither GET nor POST. */
    static TokenQuery of(HttpExchange exchange) throws IOException {
        Map<String, List<String>> params = parse(exchange.getRequestURI().getRawQuery());
        Credentials credentials = basic(exchange.getRequestHeaders().getFirst("Authorization"));
        switch (exchange.getRequestMethod()) {
            case "GET" -> { }
            case "POST" -> {
                parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).forEach(
                        (key, values) -> params.computeIfAbsent(key, k -> new ArrayList<>()).addAll(values));
                if (List.of("password").equals(params.get("grant_type")) && params.containsKey("username")) {
                    credentials = new Credentials(params.get("username").getFirst(),
                            params.getOrDefault("password", List.of("")).getFirst());
                }
            }
            default -> {
                return null;
            }
        }
        // scopes come as repeated parameters, and each may hold several separated by spaces
        List<String> scopes = params.getOrDefault("scope", List.of()).stream()
                .flatMap(scope -> List.of(scope.split(" ")).stream()).filter(s -> !s.isEmpty()).toList();
        List<String> account = params.get("account");
        return new TokenQuery(scopes, credentials, account == null ? null : account.getFirst());
    }

    private static Credentials basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon <= 0 ? null : new Credentials(pair.substring(0, colon), pair.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return new Credentials("(malformed)", "");
        }
    }

    private static Map<String, List<String>> parse(String form) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return params;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }
}
