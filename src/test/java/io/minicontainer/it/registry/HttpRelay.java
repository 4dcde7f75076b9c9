package io.minicontainer.it.registry;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Forwards an HttpServer exchange to an upstream server and its answer back, headers untouched but
 * for hop-by-hop ones and those java.net.http sets itself. {@code X-Forwarded-Host} tells the
 * registry to build its Location URLs (uploads) for the proxy, not for itself.
 */
final class HttpRelay {
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "date");

    private HttpRelay() {}

    /** Sends a request with {@code headers} (less hop-by-hop ones) and {@code extraHeaders}; the body is left to read. */
    static HttpResponse<InputStream> send(HttpClient client, URI target, Headers headers, String method, byte[] body,
            Map<String, String> extraHeaders) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60));
        headers.forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        extraHeaders.forEach(request::setHeader);
        request.method(method, body.length > 0 || List.of("POST", "PUT", "PATCH").contains(method)
                ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody());
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** {@code exchange}'s request, sent to the same path and query upstream. */
    static HttpResponse<InputStream> send(HttpClient client, URI upstream, HttpExchange exchange, String method,
            Map<String, String> extraHeaders) throws IOException {
        return send(client, upstream.resolve(exchange.getRequestURI().toString()), exchange.getRequestHeaders(), method,
                exchange.getRequestBody().readAllBytes(), extraHeaders);
    }

    /** Passes the request through and the whole response back. */
    static void forward(HttpClient client, URI upstream, HttpExchange exchange, Map<String, String> extraHeaders)
            throws IOException {
        String method = exchange.getRequestMethod();
        HttpResponse<InputStream> response = send(client, upstream, exchange, method, extraHeaders);
        try (InputStream body = response.body()) {
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            copyHeaders(response, exchange.getResponseHeaders());
            if (method.equals("HEAD") || response.statusCode() == 204 || response.statusCode() == 304) {
                if (length >= 0 && method.equals("HEAD")) {
                    exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
                }
                exchange.sendResponseHeaders(response.statusCode(), -1);
                return;
            }
            // HttpServer's lengths: -1 no body, 0 chunked, n exactly n bytes
            exchange.sendResponseHeaders(response.statusCode(), length == 0 ? -1 : length < 0 ? 0 : length);
            try (OutputStream out = exchange.getResponseBody()) {
                body.transferTo(out);
            }
        }
    }

    static void copyHeaders(HttpResponse<?> response, Headers target) {
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                target.put(name, values);
            }
        });
    }
}
