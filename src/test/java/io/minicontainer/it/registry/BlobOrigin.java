package io.minicontainer.it.registry;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The second origin behind a {@link BlobRedirector}, like S3 behind Docker Hub: serves a blob for a
 * ticket the redirect handed out, fetching it from the registry with the credentials the ticket
 * remembers; refuses with 400 any request that carries its own Authorization header; and damages
 * the bytes when the redirector says so.
 */
final class BlobOrigin {
    /** The ticket a redirect names: which blob, fetched with which Authorization (may be null). */
    record Ticket(String registryPath, String authorization) {}

    private BlobOrigin() {}

    static void serve(HttpClient client, URI registry, HttpExchange exchange, Ticket ticket,
            BlobRedirector.Mutation mutation) throws IOException {
        Map<String, String> headers = ticket.authorization() == null ? Map.of()
                : Map.of("Authorization", ticket.authorization());
        HttpResponse<InputStream> response = HttpRelay.send(client, registry.resolve(ticket.registryPath()),
                exchange.getRequestHeaders(), "GET", new byte[0], headers);
        try (InputStream body = response.body()) {
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            HttpRelay.copyHeaders(response, exchange.getResponseHeaders());
            if (response.statusCode() != 200 || length <= 0 || mutation == BlobRedirector.Mutation.NONE) {
                exchange.sendResponseHeaders(response.statusCode(), length == 0 ? -1 : length < 0 ? 0 : length);
                try (OutputStream out = exchange.getResponseBody()) {
                    body.transferTo(out);
                }
                return;
            }
            long half = length / 2;
            switch (mutation) {
                case CORRUPT -> {
                    exchange.sendResponseHeaders(200, length);
                    copy(body, exchange.getResponseBody(), length, half);
                }
                case TRUNCATE -> {
                    exchange.sendResponseHeaders(200, half);
                    copy(body, exchange.getResponseBody(), half, -1);
                }
                case DISCONNECT -> {
                    // promise the full length, send half: closing the stream short makes HttpServer drop the connection
                    exchange.sendResponseHeaders(200, length);
                    copy(body, exchange.getResponseBody(), half, -1);
                    exchange.getResponseBody().flush();
                    // HttpServer closes the connection only when a handler throws; a short close()
                    // alone leaves it open and the client waiting for the rest
                    throw new IOException("disconnecting on purpose after " + half + " of " + length + " bytes");
                }
                case NONE -> throw new AssertionError();
            }
            exchange.getResponseBody().close();
        }
    }

    /** Copies {@code limit} bytes, inverting the one at {@code flipAt} (none when negative). */
    private static void copy(InputStream in, OutputStream out, long limit, long flipAt) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long position = 0;
        while (position < limit) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - position));
            if (n < 0) {
                break;
            }
            if (flipAt >= position && flipAt < position + n) {
                buffer[(int) (flipAt - position)] ^= (byte) 0xFF;
            }
            out.write(buffer, 0, n);
            position += n;
        }
    }

    static void refuseAuthorization(HttpExchange exchange) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InvalidArgument</Code>"
                + "<Message>Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query"
                + " string parameter or the Authorization header should be specified</Message></Error>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(400, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
