package io.minicontainer.it.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.oci.Digest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Docker-Hub-like proxy: blob redirects to an origin that refuses Authorization, pass-through, damage. */
@Timeout(120)
class BlobRedirectorIT {
    static final Credentials ALICE = new Credentials("alice", "secret");

    @TempDir
    Path tmp;

    @BeforeAll
    static void tools() {
        InfraChecks.assumeRoot();
    }

    @Test
    void blobsGoToTheSecondOriginWhichRefusesAuthorization() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(Auth.token(ALICE.user(), ALICE.password()), tmp);
                BlobRedirector proxy = BlobRedirector.start(registry);
                RegistryHttp viaProxy = new RegistryHttp(proxy.url(), Optional.of(ALICE));
                RegistryHttp direct = RegistryHttp.of(registry)) {
            PushedImage busybox = TestImages.pushBusybox(registry, "test/busybox:1");
            Layer layer = busybox.image().layers().getFirst();
            String blobPath = "/v2/test/busybox/blobs/" + layer.digest();

            // challenges pass through unchanged
            HttpResponse<byte[]> challenge = viaProxy.send(HttpRequest.newBuilder(proxy.url().resolve(blobPath)).build());
            assertThat(challenge.statusCode()).isEqualTo(401);
            assertThat(challenge.headers().firstValue("WWW-Authenticate")).isEqualTo(direct.send(
                    HttpRequest.newBuilder(registry.url().resolve(blobPath)).build()).headers().firstValue("WWW-Authenticate"));
            assertThat(proxy.redirects()).isZero();
            RegistryHttp.Manifest manifest = viaProxy.manifest("test/busybox", "1");
            assertThat(manifest.bytes()).isEqualTo(busybox.image().manifestBytes());
            assertThat(manifest.contentType()).isEqualTo(busybox.manifestMediaType());
            assertThat(manifest.digestHeader()).isEqualTo(busybox.manifestDigest().toString());

            // with a token: 307 to the other port
            String authorization = "Bearer " + viaProxy.token(AuthChallenge.parse(challenge.headers()
                    .firstValue("WWW-Authenticate").orElseThrow()));
            HttpResponse<byte[]> redirect = viaProxy.getAs(blobPath, authorization);
            assertThat(redirect.statusCode()).isEqualTo(307);
            URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
            assertThat(location.getAuthority()).isEqualTo(proxy.originHost());

            // the origin: 400 with the Authorization header, the blob without it
            assertThat(viaProxy.send(HttpRequest.newBuilder(location).header("Authorization", authorization).build())
                    .statusCode()).isEqualTo(400);
            assertThat(proxy.refusedAuthorizations()).isEqualTo(1);
            byte[] blob = viaProxy.send(HttpRequest.newBuilder(location).build()).body();
            assertThat(Digest.of(blob)).isEqualTo(layer.digest());

            // HEAD passes through with its length; clients that drop Authorization on redirects work
            HttpResponse<Void> head = viaProxy.client().send(HttpRequest.newBuilder(proxy.url().resolve(blobPath))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Authorization", authorization)
                    .timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(layer.size());
            Path pulled = registry.newScratchDir("via-proxy-");
            registry.skopeo().pull(proxy.host() + "/test/busybox:1", pulled, "1");
            assertThat(pulled.resolve("blobs/sha256").resolve(layer.digest().hex())).exists();
            assertThat(proxy.refusedAuthorizations()).as("skopeo sent no Authorization to the origin").isEqualTo(1);
        }
    }

    @Test
    void damagedBlobsChangeTheirDigestAndClientsNotice() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(Auth.NONE, tmp);
                BlobRedirector proxy = BlobRedirector.start(registry);
                RegistryHttp viaProxy = new RegistryHttp(proxy.url(), Optional.empty())) {
            PushedImage busybox = TestImages.pushBusybox(registry, "test/busybox:1");
            Layer layer = busybox.image().layers().getFirst();

            proxy.mutate(BlobRedirector.Mutation.CORRUPT);
            byte[] corrupt = viaProxy.blob("test/busybox", layer.digest());
            assertThat((long) corrupt.length).isEqualTo(layer.size());
            assertThat(Digest.of(corrupt)).isNotEqualTo(layer.digest());
            Path pulled = registry.newScratchDir("corrupt-");
            assertThatThrownBy(() -> registry.skopeo().pull(proxy.host() + "/test/busybox:1", pulled, "1"))
                    .isInstanceOf(CommandFailedException.class).hasMessageContaining("digest");

            proxy.mutate(BlobRedirector.Mutation.TRUNCATE);
            assertThat((long) viaProxy.blob("test/busybox", layer.digest()).length).isEqualTo(layer.size() / 2);

            proxy.mutate(BlobRedirector.Mutation.DISCONNECT);
            assertThatThrownBy(() -> viaProxy.blob("test/busybox", layer.digest())).isInstanceOf(IOException.class);

            proxy.mutate(BlobRedirector.Mutation.CORRUPT, 1);
            assertThat(Digest.of(viaProxy.blob("test/busybox", layer.digest()))).isNotEqualTo(layer.digest());
            assertThat(Digest.of(viaProxy.blob("test/busybox", layer.digest()))).isEqualTo(layer.digest());
        }
    }
}
