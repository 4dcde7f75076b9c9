package io.minicontainer.it.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.json.Json;
import io.minicontainer.json.JsonObject;
import io.minicontainer.oci.Digest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The test registry without auth, and the test images: pushed as built, served as pushed, unpacked as expected. */
@Timeout(120)
class RegistryInfraIT {
    @TempDir
    static Path tmp;
    static LocalRegistry registry;
    static RegistryHttp http;

    @BeforeAll
    static void start() throws IOException {
        InfraChecks.assumeRoot();
        registry = LocalRegistry.start(Auth.NONE, tmp);
        http = RegistryHttp.of(registry);
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void busyboxIsServedExactlyAsBuilt() throws Exception {
        PushedImage busybox = TestImages.pushBusybox(registry, "test/busybox:1",
                RunSettings.BUSYBOX.withEntrypoint("/bin/sh", "-c").withWorkingDir("/tmp").withUser("app"));

        RegistryHttp.Manifest manifest = http.manifest("test/busybox", "1");
        assertThat(manifest.contentType()).isEqualTo(ImageFormat.OCI.manifestMediaType());
        assertThat(manifest.digestHeader()).isEqualTo(busybox.manifestDigest().toString());
        assertThat(manifest.bytes()).isEqualTo(busybox.image().manifestBytes());
        byte[] config = http.blob("test/busybox", busybox.configDigest());
        assertThat(Digest.of(config)).isEqualTo(busybox.configDigest());
        JsonObject run = JsonObject.of(Json.parse(new String(config, StandardCharsets.UTF_8)), "config").object("config");
        assertThat(run.strings("Entrypoint")).containsExactly("/bin/sh", "-c");
        assertThat(run.strings("Cmd")).containsExactly("sh");
        assertThat(run.string("User")).isEqualTo("app");
        InfraChecks.layersMatch(http, busybox);

        String inspect = registry.skopeo().inspect(busybox.reference(), false);
        assertThat(inspect).contains("\"Digest\": \"" + busybox.manifestDigest() + "\"")
                .contains("\"Architecture\": \"" + Platform.host().architecture() + "\"");
    }

    @Test
    void theSameInputGivesTheSameDigests() throws Exception {
        BuiltImage first = TestImages.layered(OciLayout.create(registry.newScratchDir("a-")), ImageFormat.OCI,
                Compression.ZSTD);
        BuiltImage second = TestImages.layered(OciLayout.create(registry.newScratchDir("b-")), ImageFormat.OCI,
                Compression.ZSTD);
        assertThat(second.manifestBytes()).isEqualTo(first.manifestBytes());
        assertThat(second.layerDigests()).isEqualTo(first.layerDigests());
    }

    @Test
    void umociUnpacksLayeredIntoTheExpectedTree() throws Exception {
        PushedImage layered = TestImages.pushLayered(registry, "test/layered:1");
        InfraChecks.layersMatch(http, layered);
        assertThat(layered.layerDigests()).hasSize(3);

        // pull it back with skopeo and let umoci merge the layers: an opinion independent of ours
        Path layout = registry.newScratchDir("pulled-");
        registry.skopeo().pull(layered.reference(), layout, "1");
        Path rootfs = Umoci.unpack(layout, "1", layout.resolveSibling(layout.getFileName() + "-bundle"));
        FileTree tree = FileTree.scan(rootfs);
        assertThat(LayeredContent.expectedTree().differences(tree)).isEmpty();
        for (Map.Entry<String, String> file : LayeredContent.expectedContents().entrySet()) {
            assertThat(rootfs.resolve(file.getKey().substring(1))).as(file.getKey()).hasContent(file.getValue());
        }

        // the listing script, run by the image's own busybox, sees the same tree
        String listing = ManagedProcess.run(List.of(rootfs.resolve("bin/busybox").toString(), "sh", "-c",
                FileTree.LISTING_SCRIPT), rootfs, Map.of("PATH", rootfs.resolve("bin").toString()), 60);
        FileTree listed = FileTree.parseListing(listing);
        assertThat(LayeredContent.expectedTree().differences(listed)).isEmpty();
        assertThat(listed.entries().keySet()).isEqualTo(tree.entries().keySet());
        assertThat(tree.entries().keySet().stream().filter(path -> !tree.entries().get(path)
                .equals(listed.entries().get(path)) || !tree.inodes().get(path).equals(listed.inodes().get(path))))
                .as("paths the listing sees differently from a scan").isEmpty();
    }

    @Test
    void zstdVariantKeepsItsOwnLayersNextToTheGzipOne() throws Exception {
        PushedImage gzip = TestImages.pushLayered(registry, "test/layered-zstd:gzip");
        PushedImage zstd = TestImages.pushLayeredZstd(registry, "test/layered-zstd:zstd");

        RegistryHttp.Manifest manifest = http.manifest("test/layered-zstd", "zstd");
        assertThat(manifest.digest()).isEqualTo(zstd.manifestDigest());
        assertThat(new String(manifest.bytes(), StandardCharsets.UTF_8)).contains(ImageFormat.OCI_LAYER_ZSTD)
                .doesNotContain("tar+gzip");
        assertThat(zstd.diffIds()).isEqualTo(gzip.diffIds());
        assertThat(zstd.layerDigests()).doesNotContainAnyElementsOf(gzip.layerDigests());
        InfraChecks.layersMatch(http, zstd);
    }

    @Test
    void dockerManifestListServesSchema2Manifests() throws Exception {
        PushedIndex list = TestImages.pushLayeredDockerList(registry, "test/layered-docker:1");

        RegistryHttp.Manifest served = http.manifest("test/layered-docker", "1");
        assertThat(served.contentType()).isEqualTo(ImageFormat.DOCKER.indexMediaType());
        assertThat(served.digest()).isEqualTo(list.digest());
        for (PushedImage image : list.images()) {
            RegistryHttp.Manifest child = http.manifest("test/layered-docker", image.manifestDigest().toString());
            assertThat(child.contentType()).isEqualTo(ImageFormat.DOCKER.manifestMediaType());
            assertThat(child.bytes()).isEqualTo(image.image().manifestBytes());
        }
        PushedImage host = list.image(Platform.host());
        assertThat(host.image().layers()).extracting(Layer::mediaType)
                .containsOnly(ImageFormat.DOCKER.gzipLayerMediaType());
        InfraChecks.layersMatch(http, host);
    }

    @Test
    void multiArchIndexHasTheHostImageAForeignOneAndAnAttestation() throws Exception {
        PushedIndex index = TestImages.pushMultiArch(registry, "test/multi:1");

        RegistryHttp.Manifest served = http.manifest("test/multi", "1");
        assertThat(served.contentType()).isEqualTo(ImageFormat.OCI.indexMediaType());
        List<JsonObject> entries = JsonObject.of(Json.parse(new String(served.bytes(), StandardCharsets.UTF_8)), "index")
                .objects("manifests");
        assertThat(entries).extracting(e -> e.object("platform").string("architecture"))
                .containsExactly(Platform.host().architecture(), Platform.foreign().architecture(), "unknown");
        assertThat(entries.get(2).object("annotations").string("vnd.docker.reference.digest"))
                .isEqualTo(index.image(Platform.host()).manifestDigest().toString());
        for (PushedImage image : index.images()) {
            assertThat(http.manifest("test/multi", image.manifestDigest().toString()).digest())
                    .isEqualTo(image.manifestDigest());
            assertThat(Digest.of(http.blob("test/multi", image.configDigest()))).isEqualTo(image.configDigest());
        }
    }

    @Test
    void bigImageIsBuiltAndPushedQuickly() throws Exception {
        long start = System.nanoTime();
        PushedImage big = TestImages.pushBig(registry, "test/big:16", 16);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(big.image().layers().getFirst().size()).isGreaterThan(16L << 20);
        byte[] layer = http.blob("test/big", big.layerDigests().getFirst());
        assertThat(Digest.of(layer)).isEqualTo(big.layerDigests().getFirst());
        assertThat(millis).as("16 MiB built and pushed in %d ms", millis).isLessThan(20_000);
    }

    @Test
    void closeStopsTheRegistryAndRemovesItsDirectory() throws Exception {
        LocalRegistry other = LocalRegistry.start(Auth.NONE, tmp);
        Path dir = other.dir();
        other.close();
        assertThat(dir).doesNotExist();
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(other.url().resolve("/v2/")).build()))
                .isInstanceOf(ConnectException.class);
        assertThat(Files.list(tmp).filter(p -> p.getFileName().toString().startsWith("registry-")).toList())
                .containsExactly(registry.dir());
    }
}
