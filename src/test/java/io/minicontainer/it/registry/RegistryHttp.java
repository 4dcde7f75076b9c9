package io.minicontainer.it.registry;

import io.minicontainer.json.Json;
import io.minicontainer.json.JsonObject;
import io.minicontainer.oci.Digest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Plain java.net.http requests to a registry, for tests' own checks: a request that gets 401 is
 * repeated with Basic credentials or with a bearer token fetched as the challenge says. Redirects
 * are followed by hand and without the Authorization header, as a correct client does.
 */
public final class RegistryHttp implements AutoCloseable {
    public static final String MANIFEST_ACCEPT = String.join(", ", ImageFormat.OCI.manifestMediaType(),
            ImageFormat.OCI.indexMediaType(), ImageFormat.DOCKER.manifestMediaType(), ImageFormat.DOCKER.indexMediaType());

    /** A manifest or index as the registry served it. */
    public record Manifest(String contentType, String digestHeader, byte[] bytes) {
        public Digest digest() {
            return Digest.of(bytes);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final Optional<Credentials> credentials;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public RegistryHttp(URI base, Optional<Credentials> credentials) {
        this.base = base;
        this.credentials = credentials;
    }

    public static RegistryHttp of(LocalRegistry registry) {
        return new RegistryHttp(registry.url(), registry.credentials());
    }

    public HttpClient client() {
        return client;
    }

    /** One request, as is. */
    public HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        if (request.timeout().isEmpty()) {
            // a test that waits forever is worse than one that fails
            request = HttpRequest.newBuilder(request, (name, value) -> true).timeout(TIMEOUT).build();
        }
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GET {@code path} (e.g. {@code /v2/test/busybox/manifests/1}), authenticating when challenged. */
    public HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> response = send(request.build());
        if (response.statusCode() == 401) {
            String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
            Optional<String> authorization = authorization(AuthChallenge.parse(challenge));
            if (authorization.isPresent()) {
                response = send(request.header("Authorization", authorization.get()).build());
            }
        }
        return response;
    }

    /** GET {@code path} with exactly this Authorization (and the manifest Accept list), no challenge handling. */
    public HttpResponse<byte[]> getAs(String path, String authorization) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", MANIFEST_ACCEPT)
                .header("Authorization", authorization).build());
    }

    /** The {@code Authorization} value that answers {@code challenge}, if this client has one. */
    public Optional<String> authorization(AuthChallenge challenge) throws IOException, InterruptedException {
        return switch (challenge.scheme().toLowerCase()) {
            case "basic" -> credentials.map(Credentials::basicHeader);
            case "bearer" -> Optional.of("Bearer " + token(challenge));
            default -> Optional.empty();
        };
    }

    /** Fetches a token from the challenge's realm for its service and scope, with this client's credentials. */
    public String token(AuthChallenge challenge) throws IOException, InterruptedException {
        StringBuilder uri = new StringBuilder(challenge.param("realm")).append("?service=")
                .append(URLEncoder.encode(challenge.param("service"), StandardCharsets.UTF_8));
        if (!challenge.param("scope").isEmpty()) {
            uri.append("&scope=").append(URLEncoder.encode(challenge.param("scope"), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString()));
        credentials.ifPresent(c -> request.header("Authorization", c.basicHeader()));
        HttpResponse<byte[]> response = send(request.build());
        if (response.statusCode() != 200) {
            throw new IOException("token request " + uri + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return JsonObject.of(Json.parse(new String(response.body(), StandardCharsets.UTF_8)), "token response")
                .string("token");
    }

    public Manifest manifest(String repository, String reference) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get("/v2/" + repository + "/manifests/" + reference, "Accept", MANIFEST_ACCEPT);
        expectOk(response, "manifest " + repository + ":" + reference);
        return new Manifest(response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Docker-Content-Digest").orElse(""), response.body());
    }

    /** A blob's bytes; a redirect is followed without credentials. Not verified: that is the caller's test. */
    public byte[] blob(String repository, Digest digest) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get("/v2/" + repository + "/blobs/" + digest);
        if (response.statusCode() == 307 || response.statusCode() == 302) {
            URI location = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(location).build());
        }
        expectOk(response, "blob " + repository + "@" + digest);
        return response.body();
    }

    private static void expectOk(HttpResponse<byte[]> response, String what) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(what + ": HTTP " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
