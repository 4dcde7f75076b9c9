package io.minicontainer.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.image.ImageReference;
import io.minicontainer.oci.ImageSpec.Descriptor;
import io.minicontainer.oci.MediaTypes;
import java.io.InputStream;
import java.net.ServerSocket;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransportTest extends RegistryFixture {
    private byte[] manifest;

    @BeforeEach
    void anImage() {
        manifest = manifestBytes("x");
        registry.putManifest("library/busybox", "latest", MediaTypes.OCI_MANIFEST, manifest);
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503, 504, FakeRegistry.DROP_CONNECTION, FakeRegistry.STALL})
    void transientFailuresAreRetried(int failure) throws Exception {
        registry.failures.add(failure);
        registry.failures.add(failure);

        assertThat(client.fetchManifest(registry.ref("library/busybox")).bytes()).isEqualTo(manifest);
        assertThat(registry.requests).hasSize(3);
    }

    @Test
    void blobRequestsAreRetriedToo() throws Exception {
        Descriptor blob = registry.putBlob(blobBytes(1000));
        registry.failures.add(503);

        try (InputStream in = client.openBlob(registry.ref("library/busybox"), blob)) {
            assertThat(in.readAllBytes()).hasSize(1000);
        }
    }

    @Test
    void afterThreeRetriesTheLastAnswerIsTheError() {
        for (int i = 0; i < 4; i++) {
            registry.failures.add(503);
        }

        assertThatThrownBy(() -> client.fetchManifest(registry.ref("library/busybox")))
                .hasMessage(registry.ref("library/busybox") + ": HTTP 503: unavailable: try again later");
        assertThat(registry.requests).hasSize(4);
    }

    @Test
    void afterThreeRetriesADroppedConnectionIsTheError() {
        for (int i = 0; i < 10; i++) { // HttpClient itself retries a GET once on a dropped pooled connection
            registry.failures.add(FakeRegistry.DROP_CONNECTION);
        }

        assertThatThrownBy(() -> client.fetchManifest(registry.ref("library/busybox")))
                .hasMessage("cannot reach registry " + registry.address() + ": connection closed by the server");
    }

    @Test
    void otherErrorsAreNotRetried() {
        registry.failures.add(403);

        assertThatThrownBy(() -> client.fetchManifest(registry.ref("library/busybox"))).hasMessageContaining("HTTP 403");
        assertThat(registry.requests).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsOneClearLineAtOnce() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ImageReference ref = ImageReference.parse("127.0.0.1:" + port + "/library/busybox");

        assertThatThrownBy(() -> client.fetchManifest(ref)).isInstanceOf(RegistryException.class)
                .hasMessage("cannot reach registry 127.0.0.1:" + port + ": Connection refused");
    }

    @Test
    void theTokenServiceIsNamedWhenItCannotBeReached() {
        registry.auth = FakeRegistry.Auth.BEARER;
        tokens.close();

        assertThatThrownBy(() -> client.fetchManifest(registry.ref("library/busybox")))
                .hasMessage("cannot reach token service " + tokens.address() + ": Connection refused");
    }

    @Test
    void loopbackAndInsecureRegistriesSpeakPlainHttpTheOthersHttps() {
        Set<String> insecure = Set.of("intranet:5000", "lab.example");
        assertThat(RegistryEndpoint.of("docker.io", insecure).uri("/v2/")).hasToString("https://registry-1.docker.io/v2/");
        assertThat(RegistryEndpoint.of("quay.io", insecure).scheme()).isEqualTo("https");
        assertThat(RegistryEndpoint.of("localhost:5000", insecure).scheme()).isEqualTo("http");
        assertThat(RegistryEndpoint.of("localhost", insecure).scheme()).isEqualTo("http");
        assertThat(RegistryEndpoint.of("127.0.0.1:5000", insecure).scheme()).isEqualTo("http");
        assertThat(RegistryEndpoint.of("127.1.2.3", insecure).scheme()).isEqualTo("http");
        assertThat(RegistryEndpoint.of("[::1]:5000", insecure).uri("/v2/")).hasToString("http://[::1]:5000/v2/");
        assertThat(RegistryEndpoint.of("intranet:5000", insecure).scheme()).isEqualTo("http");
        assertThat(RegistryEndpoint.of("intranet:5001", insecure).scheme()).isEqualTo("https");
        assertThat(RegistryEndpoint.of("lab.example:443", insecure).scheme()).isEqualTo("http");
        assertThat(RegistryEndpoint.of("128.0.0.1:5000", insecure).scheme()).isEqualTo("https");
        assertThat(RegistryEndpoint.of("localhost.evil.example", insecure).scheme()).isEqualTo("https");
    }
}
