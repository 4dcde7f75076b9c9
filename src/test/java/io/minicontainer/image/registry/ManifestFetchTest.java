package io.minicontainer.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.image.ImageReference;
import io.minicontainer.oci.Digest;
import io.minicontainer.oci.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ManifestFetchTest extends RegistryFixture {

    @Test
    void fetchesByTagWithTheRegistrysMediaTypeAndTheDigestOfTheBytes() throws Exception {
        byte[] bytes = manifestBytes("layer");
        Digest digest = registry.putManifest("library/busybox", "latest", MediaTypes.DOCKER_MANIFEST, bytes);

        FetchedManifest fetched = client.fetchManifest(registry.ref("library/busybox:latest"));

        assertThat(fetched.bytes()).isEqualTo(bytes);
        assertThat(fetched.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
        assertThat(fetched.digest()).isEqualTo(digest);
        assertThat(registry.requestsTo("/v2/library/busybox/manifests/latest")).hasSize(1);
    }

    @Test
    void asksForAllFourManifestTypes() throws Exception {
        registry.putManifest("library/busybox", "latest", MediaTypes.OCI_INDEX, manifestBytes("x"));

        client.fetchManifest(registry.ref("library/busybox"));

        assertThat(registry.requests.getFirst().accept()).contains(MediaTypes.OCI_INDEX, MediaTypes.OCI_MANIFEST,
                MediaTypes.DOCKER_LIST, MediaTypes.DOCKER_MANIFEST);
    }

    @Test
    void fetchesByDigestWhenTheReferencePinsOne() throws Exception {
        Digest digest = registry.putManifest("library/busybox", "1.36", MediaTypes.OCI_MANIFEST, manifestBytes("x"));

        FetchedManifest fetched = client.fetchManifest(registry.ref("library/busybox@" + digest));

        assertThat(fetched.digest()).isEqualTo(digest);
        assertThat(registry.requests.getFirst().path()).isEqualTo("/v2/library/busybox/manifests/" + digest);
    }

    @Test
    void refusesBytesThatDoNotMatchThePinnedDigest() {
        Digest pinned = Digest.of(manifestBytes("what was pinned"));
        byte[] other = manifestBytes("something else");
        registry.putManifestUnderDigest("library/busybox", pinned, MediaTypes.OCI_MANIFEST, other);
        registry.announcedDigest = pinned.toString(); // a lying registry, to reach the pinned check

        ImageReference ref = registry.ref("library/busybox@" + pinned);
        assertThatThrownBy(() -> client.fetchManifest(ref)).isInstanceOf(RegistryException.class)
                .hasMessage("manifest of " + ref + ": digest mismatch: got " + Digest.of(other));
    }

    @Test
    void refusesBytesThatDoNotMatchDockerContentDigest() {
        byte[] bytes = manifestBytes("x");
        registry.putManifest("library/busybox", "latest", MediaTypes.OCI_MANIFEST, bytes);
        Digest announced = Digest.of("other".getBytes(StandardCharsets.UTF_8));
        registry.announcedDigest = announced.toString();

        assertThatThrownBy(() -> client.fetchManifest(registry.ref("library/busybox")))
                .hasMessageContaining("digest mismatch: Docker-Content-Digest says " + announced)
                .hasMessageEndingWith("the content is " + Digest.of(bytes));
    }

    @Test
    void takesTheMediaTypeFromTheDocumentWhenTheRegistrySendsNoContentType() throws Exception {
        registry.putManifest("library/busybox", "latest", MediaTypes.OCI_MANIFEST, manifestBytes("x"));
        registry.sendContentType = false;

        assertThat(client.fetchManifest(registry.ref("library/busybox")).mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
    }

    @Test
    void takesTheMediaTypeFromTheDocumentWhenContentTypeIsGenericJson() throws Exception {
        byte[] index = "{\"schemaVersion\":2,\"manifests\":[]}".getBytes(StandardCharsets.UTF_8);
        registry.putManifest("library/busybox", "latest", "application/json", index);

        assertThat(client.fetchManifest(registry.ref("library/busybox")).mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
    }

    @Test
    void anUnknownTagIsOneClearLine() {
        ImageReference ref = registry.ref("library/foo:latest");
        assertThatThrownBy(() -> client.fetchManifest(ref)).isInstanceOf(RegistryException.class)
                .hasMessage("manifest unknown: " + ref + " not found")
                .extracting(e -> ((RegistryException) e).status()).isEqualTo(404);
    }

    @Test
    void refusesManifestsLargerThanFourMebibytes() {
        byte[] huge = new byte[ManifestResponse.MAX_MANIFEST_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');
        registry.putManifest("library/busybox", "latest", MediaTypes.OCI_MANIFEST, huge);

        assertThatThrownBy(() -> client.fetchManifest(registry.ref("library/busybox")))
                .hasMessageEndingWith(": larger than 4 MiB, refused");
    }

    @Test
    void theRegistrysErrorBodyMakesTheMessage() {
        registry.failures.add(400);

        assertThatThrownBy(() -> client.fetchManifest(registry.ref("library/busybox")))
                .hasMessage(registry.ref("library/busybox") + ": HTTP 400: unavailable: try again later");
    }
}
