package io.minicontainer.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.image.ImageReference;
import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageSpec.Descriptor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BlobDownloadTest extends RegistryFixture {
    private final byte[] bytes = blobBytes(300_000);

    private ImageReference busybox() {
        return registry.ref("library/busybox");
    }

    private String context(Descriptor blob) {
        return "blob " + blob.digest() + " of " + registry.address() + "/library/busybox";
    }

    @Test
    void streamsTheBlobAndReportsProgress() throws Exception {
        Descriptor blob = registry.putBlob(bytes);
        List<Long> progress = new ArrayList<>();

        try (InputStream in = client.openBlob(busybox(), blob, progress::add)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(progress).isSorted().last().isEqualTo((long) bytes.length);
        assertThat(registry.requests.getFirst().path()).isEqualTo("/v2/library/busybox/blobs/" + blob.digest());
    }

    @Test
    void corruptedBytesNeverEndInASuccessfulEof() throws Exception {
        Descriptor blob = registry.putBlob(bytes);
        registry.blobFault = FakeRegistry.BlobFault.CORRUPT;

        try (InputStream in = client.openBlob(busybox(), blob)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasMessageStartingWith(context(blob) + ": digest mismatch: got sha256:");
            assertThatThrownBy(in::read).hasMessageContaining("digest mismatch"); // and it stays failed
        }
    }

    @Test
    void theReadThatCompletesTheSizeChecksTheDigestBeforeHandingOverItsBytes() throws Exception {
        Descriptor blob = registry.putBlob(bytes);
        registry.blobFault = FakeRegistry.BlobFault.CORRUPT;

        try (InputStream in = client.openBlob(busybox(), blob)) {
            assertThatThrownBy(() -> in.readNBytes(bytes.length)).hasMessageContaining("digest mismatch");
        }
    }

    @Test
    void moreBytesThanTheDescriptorSaysFail() throws Exception {
        Descriptor blob = registry.putBlob(bytes);
        registry.blobFault = FakeRegistry.BlobFault.EXTRA_BYTE_CHUNKED;

        try (InputStream in = client.openBlob(busybox(), blob)) {
            assertThatThrownBy(in::readAllBytes)
                    .hasMessage(context(blob) + ": size mismatch: more than the expected 300000 bytes");
        }
    }

    @Test
    void fewerBytesThanTheDescriptorSaysFailAtEof() throws Exception {
        Descriptor blob = registry.putBlob(bytes);
        registry.blobFault = FakeRegistry.BlobFault.MISSING_BYTE_CHUNKED;

        try (InputStream in = client.openBlob(busybox(), blob)) {
            assertThatThrownBy(in::readAllBytes)
                    .hasMessage(context(blob) + ": size mismatch: expected 300000 bytes, got 299999");
        }
    }

    @Test
    void aContentLengthThatCannotBeRightFailsBeforeTheDownload() {
        Descriptor blob = registry.putBlob(bytes);
        registry.blobFault = FakeRegistry.BlobFault.WRONG_LENGTH;

        assertThatThrownBy(() -> client.openBlob(busybox(), blob))
                .hasMessage(context(blob) + ": size mismatch: expected 300000 bytes, the registry sends 300001");
    }

    @Test
    void aTruncatedBodyIsAnError() throws Exception {
        Descriptor blob = registry.putBlob(bytes);
        registry.blobFault = FakeRegistry.BlobFault.TRUNCATED;

        try (InputStream in = client.openBlob(busybox(), blob)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasMessageStartingWith(context(blob) + ": download interrupted after ") // HttpClient may drop buffered bytes
                    .hasMessageEndingWith(" bytes: connection closed by the server");
        }
    }

    @Test
    void anEmptyBlobIsVerifiedToo() throws Exception {
        Descriptor blob = registry.putBlob(new byte[0]);

        try (InputStream in = client.openBlob(busybox(), blob)) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    @Test
    void anUnknownBlobIsOneClearLine() {
        Descriptor blob = new Descriptor("x", Digest.of(bytes), bytes.length);

        assertThatThrownBy(() -> client.openBlob(busybox(), blob))
                .hasMessage(context(blob) + ": blob unknown: not found");
    }

    @ParameterizedTest
    @EnumSource(value = FakeRegistry.Auth.class, names = {"BASIC", "BEARER"})
    void aRedirectToAnotherOriginGoesThereWithoutTheRegistrysAuthorization(FakeRegistry.Auth mode) throws Exception {
        registry.auth = mode;
        login();
        Descriptor blob = registry.putBlob(bytes);
        try (FakeCdn cdn = new FakeCdn()) {
            cdn.blobs.put(blob.digest().toString(), bytes);
            registry.blobRedirect = cdn.baseUrl();

            try (InputStream in = client.openBlob(busybox(), blob)) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
            assertThat(cdn.requests).singleElement().satisfies(seen -> assertThat(seen.authorization()).isNull());
        }
        assertThat(registry.requests.getLast().authorization()).isNotNull();
    }

    @Test
    void aRedirectWithinTheRegistryKeepsTheAuthorization() throws Exception {
        registry.auth = FakeRegistry.Auth.BEARER;
        Descriptor blob = registry.putBlob(bytes);
        registry.blobRedirect = registry.baseUrl() + "/v2/library/busybox";

        try (InputStream in = client.openBlob(busybox(), blob)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        FakeServer.Seen redirected = registry.requests.getLast();
        assertThat(redirected.query()).isEqualTo("redirected");
        assertThat(redirected.authorization()).startsWith("Bearer ");
        assertThat(tokens.tokensIssued()).isOne();
    }

    @Test
    void blobsDownloadInParallelThroughOneClient() throws Exception {
        registry.auth = FakeRegistry.Auth.BEARER;
        List<Descriptor> blobs = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            blobs.add(registry.putBlob(blobBytes(50_000 + i)));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> sizes = new ArrayList<>();
            for (Descriptor blob : blobs) {
                sizes.add(pool.submit(() -> {
                    try (InputStream in = client.openBlob(busybox(), blob)) {
                        return in.readAllBytes().length;
                    }
                }));
            }
            for (int i = 0; i < sizes.size(); i++) {
                assertThat(sizes.get(i).get()).isEqualTo(50_001 + i);
            }
        }
    }

    @Test
    void redirectsStopAfterFiveHops() {
        Descriptor blob = registry.putBlob(bytes);
        registry.redirectLoop = true;

        assertThatThrownBy(() -> client.openBlob(busybox(), blob))
                .hasMessageContaining("more than 5 redirects");
        assertThat(registry.requests).hasSize(6);
    }
}
