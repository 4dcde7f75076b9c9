package io.minicontainer.image.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.image.ImageReference;
import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageJson;
import io.minicontainer.oci.ImageSpec.Index;
import io.minicontainer.oci.ImageSpec.Platform;
import io.minicontainer.oci.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OciIndexJsonTest {
    private static final Digest MANIFEST = Digest.of(new byte[] {1});

    @Test
    void writesOneDescriptorPerTagWithDockersAnnotations() {
        byte[] written = OciIndexJson.write(List.of(
                new OciIndexJson.Entry(MediaTypes.OCI_MANIFEST, MANIFEST, 405, new Platform("linux", "amd64", ""),
                        ImageReference.parse("busybox")),
                new OciIndexJson.Entry(MediaTypes.DOCKER_MANIFEST, MANIFEST, 405, new Platform("linux", "arm64", "v8"),
                        null)));
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo("{\"schemaVersion\":2,"
                + "\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
                + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + MANIFEST + "\","
                + "\"size\":405,\"annotations\":{\"io.containerd.image.name\":\"docker.io/library/busybox:latest\","
                + "\"org.opencontainers.image.ref.name\":\"latest\"},"
                + "\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}},"
                + "{\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\",\"digest\":\"" + MANIFEST
                + "\",\"size\":405,\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\"}}]}");
        Index index = ImageJson.index(written);
        assertThat(index.manifests()).hasSize(2);
        assertThat(OciIndexJson.nameOf(index.manifests().getFirst().annotations()))
                .contains(ImageReference.parse("busybox:latest"));
    }

    @Test
    void theFullNameAnnotationWins() {
        assertThat(OciIndexJson.nameOf(Map.of(OciIndexJson.IMAGE_NAME, "docker.io/library/busybox:1.36",
                OciIndexJson.REF_NAME, "1.36"))).contains(ImageReference.parse("busybox:1.36"));
    }

    @Test
    void aRefNameThatIsOnlyATagNamesNoImage() {
        assertThat(OciIndexJson.nameOf(Map.of(OciIndexJson.REF_NAME, "latest"))).isEmpty();
        assertThat(OciIndexJson.nameOf(Map.of(OciIndexJson.REF_NAME, "v1.2-rc_3"))).isEmpty();
        assertThat(OciIndexJson.nameOf(Map.of())).isEmpty();
    }

    @Test
    void aRefNameThatIsAWholeReferenceNamesTheImage() {
        // podman save --format oci-archive writes the full name there
        assertThat(OciIndexJson.nameOf(Map.of(OciIndexJson.REF_NAME, "docker.io/test/bb:1")))
                .contains(ImageReference.parse("test/bb:1"));
        assertThat(OciIndexJson.nameOf(Map.of(OciIndexJson.REF_NAME, "localhost:5000/app:2")))
                .contains(ImageReference.parse("localhost:5000/app:2"));
    }

    @Test
    void namesWithOnlyADigestOrThatDoNotParseLeaveTheImageUntagged() {
        String digestOnly = "docker.io/library/busybox@" + MANIFEST;
        assertThat(OciIndexJson.nameOf(Map.of(OciIndexJson.IMAGE_NAME, digestOnly))).isEmpty();
        assertThat(OciIndexJson.nameOf(Map.of(OciIndexJson.IMAGE_NAME, "Not A/Name:x"))).isEmpty();
        assertThat(OciIndexJson.nameOf(Map.of(OciIndexJson.IMAGE_NAME, "busybox:1@" + MANIFEST)))
                .isEqualTo(Optional.of(ImageReference.parse("busybox:1")));
    }
}
