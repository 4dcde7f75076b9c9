package io.minicontainer.it.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A proxy in front of a registry that behaves like Docker Hub: a blob GET the registry would
 * answer with 200 is answered with 307 to a second origin (another port) that serves the bytes but
 * refuses, with 400, any request carrying an Authorization header (as S3 does). Everything else
 * passes through unchanged, WWW-Authenticate challenges included. Pull from {@link #host()}, a
 * {@link TlsRefusingFront} before the proxy, so clients that try HTTPS first fall back at once.
 *
 * <pre>{@code
 * try (LocalRegistry registry = LocalRegistry.start(Auth.token("u", "p"), tmp);
 *         BlobRedirector proxy = BlobRedirector.start(registry)) {
 *     proxy.mutate(BlobRedirector.Mutation.CORRUPT, 1);   // the next blob has one byte flipped
 *     // pull proxy.host() + "/test/busybox:1" ...
 * }
 * }</pre>
 */
public final class BlobRedirector implements AutoCloseable {
    private static final Pattern BLOB = Pattern.compile("/v2/(.+)/blobs/(sha256:[0-9a-f]{64})");

    /** What the second origin does to a blob's bytes. */
    public enum Mutation {
        NONE,
        /** One byte in the middle inverted, same length. */
        CORRUPT,
        /** The first half only, with a Content-Length that says so. */
        TRUNCATE,
        /** Content-Length of the whole, the first half sent, then the connection closed. */
        DISCONNECT
    }

    private final URI registry;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer proxy;
    private final HttpServer origin;
    private TlsRefusingFront front;
    private final Map<String, BlobOrigin.Ticket> tickets = new ConcurrentHashMap<>();
    private final AtomicInteger redirects = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private final List<String> originRequests = new CopyOnWriteArrayList<>();
    private volatile Mutation mutation = Mutation.NONE;
    private final AtomicInteger mutationsLeft = new AtomicInteger(-1);

    private BlobRedirector(URI registry) throws IOException {
        this.registry = registry;
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        proxy = HttpServer.create(loopback, 0);
        origin = HttpServer.create(loopback, 0);
        proxy.createContext("/", this::handleProxy);
        origin.createContext("/", this::handleOrigin);
        proxy.setExecutor(executor);
        origin.setExecutor(executor);
    }

    public static BlobRedirector start(LocalRegistry registry) throws IOException {
        return start(registry.url());
    }

    public static BlobRedirector start(URI registry) throws IOException {
        BlobRedirector redirector = new BlobRedirector(registry);
        redirector.proxy.start();
        redirector.origin.start();
        redirector.front = TlsRefusingFront.start(redirector.proxy.getAddress().getPort());
        return redirector;
    }

    /** {@code 127.0.0.1:PORT} of the proxy: what clients pull from. */
    public String host() {
        return "127.0.0.1:" + front.port();
    }

    public URI url() {
        return URI.create("http://" + host());
    }

    /** {@code 127.0.0.1:PORT} of the second origin, where redirects point. */
    public String originHost() {
        return "127.0.0.1:" + origin.getAddress().getPort();
    }

    /** Damages every blob from now on ({@link Mutation#NONE} stops it). */
    public void mutate(Mutation next) {
        mutate(next, -1);
    }

    /** Damages the next {@code times} blobs only, e.g. to check that a client retries. */
    public void mutate(Mutation next, int times) {
        mutationsLeft.set(times);
        mutation = next;
    }

    /** Blob GETs answered with a redirect. */
    public int redirects() {
        return redirects.get();
    }

    /** Paths the second origin was asked for, refused ones included. */
    public List<String> originRequests() {
        return List.copyOf(originRequests);
    }

    /** Requests the second origin refused because they carried an Authorization header. */
    public int refusedAuthorizations() {
        return refusals.get();
    }

    private void handleProxy(HttpExchange exchange) throws IOException {
        try (exchange) {
            var blob = BLOB.matcher(exchange.getRequestURI().getRawPath());
            Map<String, String> forwarded = Map.of("X-Forwarded-Host", host(), "X-Forwarded-Proto", "http");
            if (exchange.getRequestMethod().equals("GET") && blob.matches() && registryHasBlob(exchange)) {
                String ticket = UUID.randomUUID().toString();
                tickets.put(ticket, new BlobOrigin.Ticket(exchange.getRequestURI().getRawPath(),
                        exchange.getRequestHeaders().getFirst("Authorization")));
                exchange.getResponseHeaders().set("Location",
                        "http://" + originHost() + "/blobs/" + blob.group(2) + "?ticket=" + ticket);
                exchange.sendResponseHeaders(307, -1);
                redirects.incrementAndGet();
                return;
            }
            HttpRelay.forward(client, registry, exchange, forwarded);
        }
    }

    /** Asks the registry with the client's own headers, so a client without access gets the registry's 401. */
    private boolean registryHasBlob(HttpExchange exchange) throws IOException {
        HttpResponse<InputStream> head = HttpRelay.send(client, registry, exchange, "HEAD", Map.of());
        head.body().close();
        return head.statusCode() == 200;
    }

    private void handleOrigin(HttpExchange exchange) throws IOException {
        try (exchange) {
            originRequests.add(exchange.getRequestURI().getRawPath());
            if (exchange.getRequestHeaders().containsKey("Authorization")) {
                refusals.incrementAndGet();
                BlobOrigin.refuseAuthorization(exchange);
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            BlobOrigin.Ticket ticket = query == null || !query.startsWith("ticket=") ? null
                    : tickets.get(query.substring("ticket=".length()));
            if (ticket == null || !exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            BlobOrigin.serve(client, registry, exchange, ticket, takeMutation());
        }
    }

    private Mutation takeMutation() {
        Mutation current = mutation;
        if (current == Mutation.NONE || mutationsLeft.get() < 0) {
            return current;
        }
        return mutationsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? current : Mutation.NONE;
    }

    @Override
    public void close() {
        try {
            front.close();
        } catch (IOException e) {
            // closing a listening socket does not fail in a way that matters here
        }
        proxy.stop(0);
        origin.stop(0);
        executor.shutdownNow();
        client.close();
    }
}
