package io.minicontainer.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * GETs with retries of transient failures, and redirects followed by hand: the registry's
 * Authorization header must reach its own origin only (S3 and CDNs reject a foreign one).
 * Retries happen before a response is returned, so never after the caller saw a body byte.
 */
final class Transport {
    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<Integer> RETRIED_STATUSES = Set.of(429, 500, 502, 503, 504);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(10);
    private static final String USER_AGENT = "minicontainer";

    private final HttpClient http;
    private final RegistryClient.Options options;

    Transport(HttpClient http, RegistryClient.Options options) {
        this.http = http;
        this.options = options;
    }

    /**
     * The final response, whatever its status (the caller closes its body).
     *
     * @param authorization sent to {@code uri}'s origin only; null for none
     * @param server        names the server in errors: {@code registry 127.0.0.1:5000}
     */
    HttpResponse<InputStream> get(URI uri, Map<String, String> headers, String authorization, String server)
            throws IOException {
        Origin home = Origin.of(uri);
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            boolean atHome = Origin.of(current).equals(home);
            HttpRequest request = request(current, headers, atHome ? authorization : null);
            HttpResponse<InputStream> response = sendWithRetries(request, atHome ? server : current.getAuthority());
            if (!REDIRECTS.contains(response.statusCode())) {
                return response;
            }
            response.body().close();
            if (redirects == MAX_REDIRECTS) {
                throw new RegistryException(server + ": more than " + MAX_REDIRECTS + " redirects for " + uri.getPath());
            }
            current = redirectTarget(current, response, server);
        }
    }

    private HttpRequest request(URI uri, Map<String, String> headers, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET().timeout(options.responseTimeout())
                .header("User-Agent", USER_AGENT);
        headers.forEach(builder::header);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    private static URI redirectTarget(URI from, HttpResponse<?> response, String server) throws RegistryException {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new RegistryException(server + ": redirect without a Location"));
        try {
            return from.resolve(location);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(server + ": invalid redirect to " + location);
        }
    }

    private HttpResponse<InputStream> sendWithRetries(HttpRequest request, String server) throws IOException {
        for (int attempt = 0; ; attempt++) {
            boolean lastAttempt = attempt == options.retries();
            try {
                HttpResponse<InputStream> response = http.send(request, BodyHandlers.ofInputStream());
                if (lastAttempt || !RETRIED_STATUSES.contains(response.statusCode())) {
                    return response;
                }
                response.body().close();
                pause(retryAfter(response, backoff(attempt)));
            } catch (IOException e) {
                if (lastAttempt || !isTransient(e)) {
                    throw new RegistryException("cannot reach " + server + ": " + reason(e), e);
                }
                pause(backoff(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while talking to " + server);
            }
        }
    }

    private Duration backoff(int attempt) {
        return options.retryBackoff().multipliedBy(1L << attempt);
    }

    /** A 429's or 503's Retry-After in seconds, capped: a registry asking for minutes gets our backoff instead. */
    private static Duration retryAfter(HttpResponse<?> response, Duration fallback) {
        try {
            return response.headers().firstValue("Retry-After").map(s -> Duration.ofSeconds(Long.parseLong(s.trim())))
                    .filter(wait -> !wait.isNegative() && wait.compareTo(MAX_RETRY_AFTER) <= 0).orElse(fallback);
        } catch (NumberFormatException httpDate) {
            return fallback;
        }
    }

    private static void pause(Duration duration) throws InterruptedIOException {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    /** Resets, dropped connections and timeouts may pass; a refused connection, an unknown host or bad TLS will not. */
    private static boolean isTransient(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof UnresolvedAddressException || cause instanceof SSLException) {
                return false;
            }
        }
        return true;
    }

    static String reason(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        String message = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            } else if (cause instanceof ConnectException && message == null) {
                message = "Connection refused"; // what HttpClient's bare ConnectException means
            }
        }
        if (message != null && (message.contains("EOF reached") || message.contains("received no bytes"))) {
            return "connection closed by the server"; // HttpClient's words for it are obscure
        }
        return message != null ? message : e.getClass().getSimpleName();
    }
}
