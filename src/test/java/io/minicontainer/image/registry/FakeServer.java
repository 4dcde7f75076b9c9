package io.minicontainer.image.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** An HTTP server on 127.0.0.1 (random port) that records what it was asked, for the fakes. */
abstract class FakeServer implements AutoCloseable {
    /** One request as the server saw it; header values are null when absent. */
    record Seen(String path, String query, String authorization, String accept) {}

    private final HttpServer server;
    final List<Seen> requests = new CopyOnWriteArrayList<>();

    FakeServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor()); // a stalled answer must not block others
        server.createContext("/", recording(this::handle));
        server.start();
    }

    abstract void handle(HttpExchange exchange) throws IOException;

    private HttpHandler recording(HttpHandler handler) {
        return exchange -> {
            requests.add(new Seen(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Accept")));
            try (exchange) {
                handler.handle(exchange);
            }
        };
    }

    int port() {
        return server.getAddress().getPort();
    }

    String address() {
        return "127.0.0.1:" + port();
    }

    String baseUrl() {
        return "http://" + address();
    }

    List<Seen> requestsTo(String pathPrefix) {
        return requests.stream().filter(seen -> seen.path().startsWith(pathPrefix)).toList();
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** The distribution spec's error body. */
    static void sendError(HttpExchange exchange, int status, String code, String message) throws IOException {
        sendJson(exchange, status, "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}]}");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
