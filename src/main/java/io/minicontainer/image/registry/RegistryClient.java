package io.minicontainer.image.registry;

import io.minicontainer.image.ImageReference;
import io.minicontainer.oci.ImageSpec.Descriptor;
import io.minicontainer.oci.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * A client of the registry HTTP API v2 (the OCI distribution spec), for pulling: manifests and
 * blobs, with Basic and Bearer token authentication. One HttpClient (HTTP/1.1) per instance;
 * thread-safe, so layers may download in parallel.
 */
public final class RegistryClient implements AutoCloseable {
    /** {@code Accept} for manifests: all four types, or distribution 2.8 answers 404 (OCI) or schema 1 (none). */
    static final String MANIFEST_ACCEPT = String.join(", ", MediaTypes.MANIFEST_ACCEPT);

    /**
     * Timeouts and retries. {@code responseTimeout} bounds the wait for a response's headers, not a
     * body's download; {@code retries} transient failures wait {@code retryBackoff}, doubling.
     */
    public record Options(Duration connectTimeout, Duration responseTimeout, Duration retryBackoff, int retries,
            Clock clock) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMillis(500), 3,
                    Clock.systemUTC());
        }
    }

    private final Set<String> insecureRegistries;
    private final HttpClient http;
    private final Transport transport;
    private final Authenticator authenticator;
    private final Clock clock;

    /** @param insecureRegistries registries spoken to in plain http (loopback ones always are) */
    public RegistryClient(CredentialStore credentials, Set<String> insecureRegistries) {
        this(credentials, insecureRegistries, Options.defaults());
    }

    public RegistryClient(CredentialStore credentials, Set<String> insecureRegistries, Options options) {
        this.insecureRegistries = Set.copyOf(insecureRegistries);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER) // by hand: see Transport
                .connectTimeout(options.connectTimeout()).build();
        this.transport = new Transport(http, options);
        this.authenticator = new Authenticator(credentials::find, transport, options.clock());
        this.clock = options.clock();
    }

    /** The manifest or index {@code ref} names, by its digest when it pins one, else by its tag. */
    public FetchedManifest fetchManifest(ImageReference ref) throws IOException {
        String context = ref.toString();
        String reference = ref.digest() != null ? ref.digest().toString() : ref.tag();
        HttpResponse<InputStream> response = authenticator.get(endpoint(ref.registry()),
                "/v2/" + ref.repository() + "/manifests/" + reference, pullScope(ref),
                Map.of("Accept", MANIFEST_ACCEPT), context);
        if (response.statusCode() == 404) {
            ErrorBodies.detail(response);
            throw new RegistryException(404, "manifest unknown: " + context + " not found");
        }
        if (response.statusCode() != 200) {
            throw ErrorBodies.failure(context, response);
        }
        return ManifestResponse.read(response, ref.digest(), context);
    }

    public InputStream openBlob(ImageReference repo, Descriptor descriptor) throws IOException {
        return openBlob(repo, descriptor, null);
    }

    /**
     * The blob's bytes, checked against the descriptor's digest and size as they are read (see
     * {@link VerifyingInputStream}: read to EOF). The tag or digest of {@code repo} does not matter.
     *
     * @param progress called with the number of bytes read so far, after every read; may be null
     */
    public InputStream openBlob(ImageReference repo, Descriptor descriptor, LongConsumer progress) throws IOException {
        String context = "blob " + descriptor.digest() + " of " + repo.registry() + "/" + repo.repository();
        HttpResponse<InputStream> response = authenticator.get(endpoint(repo.registry()),
                "/v2/" + repo.repository() + "/blobs/" + descriptor.digest(), pullScope(repo), Map.of(), context);
        if (response.statusCode() == 404) {
            ErrorBodies.detail(response);
            throw new RegistryException(404, context + ": blob unknown: not found");
        }
        if (response.statusCode() != 200) {
            throw ErrorBodies.failure(context, response);
        }
        OptionalLong length = response.headers().firstValueAsLong("Content-Length");
        if (descriptor.size() >= 0 && length.isPresent() && length.getAsLong() != descriptor.size()) {
            response.body().close(); // fail before downloading what cannot be right
            throw new RegistryException(context + ": size mismatch: expected " + descriptor.size()
                    + " bytes, the registry sends " + length.getAsLong());
        }
        return new VerifyingInputStream(response.body(), descriptor, context, progress);
    }

    /**
     * Checks a login as docker does, with GET /v2/ and the whole auth flow; throws
     * {@code login to host: unauthorized: incorrect username or password} when refused.
     * Nothing is cached or stored: {@link CredentialStore#login} stores.
     */
    public void checkLogin(String registry, String username, String password) throws IOException {
        String name = CredentialStore.normalizeRegistry(registry);
        Credentials candidate = new Credentials(username, password);
        Authenticator fresh = new Authenticator(any -> Optional.of(candidate), transport, clock);
        String context = "login to " + name;
        HttpResponse<InputStream> response = fresh.get(endpoint(name), "/v2/", "", Map.of(), context);
        if (response.statusCode() != 200) {
            throw ErrorBodies.failure(context, response);
        }
        response.body().close();
    }

    private RegistryEndpoint endpoint(String registry) {
        return RegistryEndpoint.of(registry, insecureRegistries);
    }

    private static String pullScope(ImageReference ref) {
        return "repository:" + ref.repository() + ":pull";
    }

    /** Aborts what is still running; open blob streams fail. */
    @Override
    public void close() {
        http.shutdownNow();
    }
}
