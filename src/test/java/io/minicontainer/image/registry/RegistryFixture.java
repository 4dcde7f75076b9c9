package io.minicontainer.image.registry;

import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageJson;
import io.minicontainer.oci.ImageSpec.Descriptor;
import io.minicontainer.oci.ImageSpec.Manifest;
import io.minicontainer.oci.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fake registry with its token service, an empty credential store and a client with quick retries. */
abstract class RegistryFixture {
    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock();
    FakeRegistry registry;
    FakeTokenService tokens;
    CredentialStore credentials;
    RegistryClient client;

    @BeforeEach
    void startRegistry() {
        registry = new FakeRegistry();
        tokens = new FakeTokenService(clock);
        registry.tokens = tokens;
        credentials = new CredentialStore(dir.resolve("auth.json"), dir.resolve("home"));
        client = new RegistryClient(credentials, Set.of(), quickOptions(clock));
    }

    @AfterEach
    void stopRegistry() {
        client.close();
        registry.close();
        tokens.close();
    }

    static RegistryClient.Options quickOptions(MutableClock clock) {
        return new RegistryClient.Options(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofMillis(1), 3, clock);
    }

    void login() throws Exception {
        credentials.login(registry.address(), FakeRegistry.USER, FakeRegistry.PASSWORD);
    }

    static byte[] manifestBytes(String layerText) {
        byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] layer = layerText.getBytes(StandardCharsets.UTF_8);
        return ImageJson.write(new Manifest(MediaTypes.OCI_MANIFEST,
                new Descriptor(MediaTypes.OCI_CONFIG, Digest.of(config), config.length),
                List.of(new Descriptor(MediaTypes.OCI_LAYER_GZIP, Digest.of(layer), layer.length))));
    }

    /** Incompressible-looking bytes, big enough to need several reads. */
    static byte[] blobBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
