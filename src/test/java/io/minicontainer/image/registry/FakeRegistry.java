package io.minicontainer.image.registry;

import com.sun.net.httpserver.HttpExchange;
import io.minicontainer.image.ImageReference;
import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageSpec.Descriptor;
import io.minicontainer.oci.MediaTypes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A registry (API v2) serving manifests and blobs from maps, with distribution 2.8's manifest rule: 404
 * unless the Accept header lists all four manifest types. Fields switch on auth and failure modes.
 */
final class FakeRegistry extends FakeServer {
    static final String USER = "alice";
    static final String PASSWORD = "s3cret";
    static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    /** In {@link #failures}: close the connection without an answer. */
    static final int DROP_CONNECTION = -1;
    /** In {@link #failures}: answer nothing for two seconds. */
    static final int STALL = -2;

    enum Auth { ANONYMOUS, BASIC, BEARER }

    enum BlobFault { NONE, CORRUPT, EXTRA_BYTE_CHUNKED, MISSING_BYTE_CHUNKED, WRONG_LENGTH, TRUNCATED }

    private record Served(byte[] bytes, String contentType) {}

    private final Map<String, Served> manifests = new ConcurrentHashMap<>();
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    /** Statuses (or {@link #DROP_CONNECTION}, {@link #STALL}) to answer, one per request, before serving. */
    final Queue<Integer> failures = new ConcurrentLinkedQueue<>();
    volatile Auth auth = Auth.ANONYMOUS;
    volatile FakeTokenService tokens;
    volatile BlobFault blobFault = BlobFault.NONE;
    /** When set, blob requests are redirected to {@code blobRedirect + "/blobs/" + digest}. */
    volatile String blobRedirect;
    /** Blob requests redirect to themselves, forever. */
    volatile boolean redirectLoop;
    /** Overrides the Docker-Content-Digest header of manifests. */
    volatile String announcedDigest;
    volatile boolean sendContentType = true;

    ImageReference ref(String nameAndTag) {
        return ImageReference.parse(address() + "/" + nameAndTag);
    }

    Digest putManifest(String repository, String tag, String mediaType, byte[] bytes) {
        Digest digest = Digest.of(bytes);
        manifests.put(repository + "@" + tag, new Served(bytes, mediaType));
        manifests.put(repository + "@" + digest, new Served(bytes, mediaType));
        return digest;
    }

    /** Serves {@code bytes} for {@code digest} whatever their hash: a registry with a corrupted store. */
    void putManifestUnderDigest(String repository, Digest digest, String mediaType, byte[] bytes) {
        manifests.put(repository + "@" + digest, new Served(bytes, mediaType));
    }

    Descriptor putBlob(byte[] bytes) {
        Digest digest = Digest.of(bytes);
        blobs.put(digest.toString(), bytes);
        return new Descriptor(MediaTypes.OCI_LAYER_GZIP, digest, bytes.length);
    }

    @Override
    void handle(HttpExchange exchange) throws IOException {
        Integer failure = failures.poll();
        if (failure != null) {
            fail(exchange, failure);
            return;
        }
        String path = exchange.getRequestURI().getPath();
        int manifestsAt = path.lastIndexOf("/manifests/");
        int blobsAt = path.lastIndexOf("/blobs/");
        if (path.equals("/v2/")) {
            if (authorized(exchange, "")) {
                sendJson(exchange, 200, "{}");
            }
        } else if (path.startsWith("/v2/") && manifestsAt > 3) {
            String repository = path.substring(4, manifestsAt);
            if (authorized(exchange, repository)) {
                serveManifest(exchange, repository, path.substring(manifestsAt + "/manifests/".length()));
            }
        } else if (path.startsWith("/v2/") && blobsAt > 3) {
            if (authorized(exchange, path.substring(4, blobsAt))) {
                serveBlob(exchange, path.substring(blobsAt + "/blobs/".length()));
            }
        } else {
            sendError(exchange, 404, "NOT_FOUND", "no route");
        }
    }

    private static void fail(HttpExchange exchange, int failure) throws IOException {
        if (failure == STALL) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (failure != DROP_CONNECTION) {
            exchange.getResponseHeaders().set("Retry-After", "0");
            sendError(exchange, failure, "UNAVAILABLE", "try again later");
        }
    }

    /** Answers 401 with a challenge (and returns false) unless the request may read {@code repository}. */
    private boolean authorized(HttpExchange exchange, String repository) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String scope = repository.isEmpty() ? "" : "repository:" + repository + ":pull";
        String challenge;
        switch (auth) {
            case ANONYMOUS -> {
                return true;
            }
            case BASIC -> {
                if (BASIC.equals(authorization)) {
                    return true;
                }
                challenge = "Basic realm=\"fake registry\"";
            }
            default -> {
                FakeTokenService.Access access = tokens.check(authorization, scope);
                if (access == FakeTokenService.Access.GRANTED) {
                    return true;
                }
                challenge = "Bearer realm=\"" + tokens.realm() + "\",service=\"" + FakeTokenService.SERVICE + "\""
                        + (scope.isEmpty() ? "" : ",scope=\"" + scope + "\"")
                        + (access == FakeTokenService.Access.MISSING_SCOPE ? ",error=\"insufficient_scope\"" : "");
            }
        }
        exchange.getResponseHeaders().set("WWW-Authenticate", challenge);
        sendError(exchange, 401, "UNAUTHORIZED", "authentication required");
        return false;
    }

    private void serveManifest(HttpExchange exchange, String repository, String reference) throws IOException {
        String accept = String.join(",", exchange.getRequestHeaders().getOrDefault("Accept", List.of()));
        if (!MediaTypes.MANIFEST_ACCEPT.stream().allMatch(accept::contains)) {
            sendError(exchange, 404, "MANIFEST_UNKNOWN", "OCI manifest found, but accept header does not support it");
            return;
        }
        Served manifest = manifests.get(repository + "@" + reference);
        if (manifest == null) {
            sendError(exchange, 404, "MANIFEST_UNKNOWN", "manifest unknown");
            return;
        }
        exchange.getResponseHeaders().set("Docker-Content-Digest",
                announcedDigest != null ? announcedDigest : Digest.of(manifest.bytes()).toString());
        send(exchange, 200, sendContentType ? manifest.contentType() : null, manifest.bytes());
    }

    private void serveBlob(HttpExchange exchange, String digest) throws IOException {
        boolean redirected = "redirected".equals(exchange.getRequestURI().getRawQuery());
        if (redirectLoop || blobRedirect != null && !redirected) {
            String target = redirectLoop ? exchange.getRequestURI().getPath() : blobRedirect + "/blobs/" + digest;
            exchange.getResponseHeaders().set("Location", target + "?redirected");
            send(exchange, 307, null, new byte[0]);
            return;
        }
        byte[] blob = blobs.get(digest);
        if (blob == null) {
            sendError(exchange, 404, "BLOB_UNKNOWN", "blob unknown to registry");
            return;
        }
        serveBytes(exchange, blob);
    }

    private void serveBytes(HttpExchange exchange, byte[] blob) throws IOException {
        byte[] body = switch (blobFault) {
            case CORRUPT -> corrupted(blob);
            case EXTRA_BYTE_CHUNKED, WRONG_LENGTH -> Arrays.copyOf(blob, blob.length + 1);
            case MISSING_BYTE_CHUNKED -> Arrays.copyOf(blob, blob.length - 1);
            default -> blob;
        };
        boolean chunked = blobFault == BlobFault.EXTRA_BYTE_CHUNKED || blobFault == BlobFault.MISSING_BYTE_CHUNKED;
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, chunked ? 0 : body.length);
        OutputStream out = exchange.getResponseBody();
        if (blobFault == BlobFault.TRUNCATED) {
            out.write(body, 0, body.length / 2);
            out.flush();
            throw new IOException("connection cut on purpose"); // the server drops the connection
        }
        out.write(body);
        out.close();
    }

    private static byte[] corrupted(byte[] blob) {
        byte[] copy = blob.clone();
        copy[copy.length / 2] ^= 0x01;
        return copy;
    }
}
