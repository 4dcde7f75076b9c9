package io.minicontainer.image.registry;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Blob storage on another origin, like S3 behind a redirect: a request carrying Authorization gets 400. */
final class FakeCdn extends FakeServer {
    final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

    @Override
    void handle(HttpExchange exchange) throws IOException {
        if (exchange.getRequestHeaders().containsKey("Authorization")) {
            send(exchange, 400, "application/xml",
                    "<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed</Message></Error>"
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        String path = exchange.getRequestURI().getPath();
        byte[] blob = blobs.get(path.substring(path.lastIndexOf('/') + 1));
        if (blob == null) {
            send(exchange, 404, "text/plain", "no such key".getBytes(StandardCharsets.UTF_8));
        } else {
            send(exchange, 200, "application/octet-stream", blob);
        }
    }
}
