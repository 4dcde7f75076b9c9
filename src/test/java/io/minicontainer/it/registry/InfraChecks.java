package io.minicontainer.it.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicontainer.oci.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Shared checks of the registry self-tests. */
final class InfraChecks {
    private InfraChecks() {}

    /** Root, and the Debian packages .ci/run installs; a missing tool is a failure, not a skip. */
    static void assumeRoot() {
        assumeTrue("root".equals(System.getProperty("user.name")), "the registry tests run skopeo and umoci as root");
        for (String tool : List.of("/usr/bin/docker-registry", "/usr/bin/skopeo", "/usr/bin/umoci", "/usr/bin/htpasswd")) {
            assertThat(Files.isExecutable(Path.of(tool))).as(tool + " (apt-get install docker-registry skopeo umoci"
                    + " apache2-utils)").isTrue();
        }
    }

    /** Every layer is served with its digest, and its uncompressed bytes hash to its diffID. */
    static void layersMatch(RegistryHttp http, PushedImage image) throws IOException, InterruptedException {
        for (Layer layer : image.image().layers()) {
            byte[] blob = http.blob(image.repository(), layer.digest());
            assertThat(Digest.of(blob)).as("digest of " + layer).isEqualTo(layer.digest());
            assertThat((long) blob.length).as("size of " + layer).isEqualTo(layer.size());
            assertThat(LayerBytes.diffId(blob, layer.mediaType())).as("diffID of " + layer).isEqualTo(layer.diffId());
        }
    }
}
