package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicontainer.image.store.ImageStore;
import io.minicontainer.it.registry.Auth;
import io.minicontainer.it.registry.FileTree;
import io.minicontainer.it.registry.LayeredContent;
import io.minicontainer.it.registry.LocalRegistry;
import io.minicontainer.it.registry.Platform;
import io.minicontainer.it.registry.PushedImage;
import io.minicontainer.it.registry.TestImages;
import io.minicontainer.json.Json;
import io.minicontainer.json.JsonObject;
import io.minicontainer.oci.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * save and load: our archives into a fresh data root, skopeo's and podman's archives into ours, and
 * ours read by skopeo (as docker-archive and as oci-archive) and loaded by podman. docker itself is
 * not here (client only on this machine); its formats are the ones skopeo and podman write and read.
 */
class ArchiveIT extends ContainerTest {
    private static final String LISTING = "cd / && " + FileTree.LISTING_SCRIPT;

    static LocalRegistry registry;
    static PushedImage busybox;
    static PushedImage layered;
    static PushedImage schema2;

    @BeforeAll
    static void pushImages() throws IOException {
        registry = LocalRegistry.start(Auth.NONE, shared);
        busybox = TestImages.pushBusybox(registry, "test/busybox:1");
        layered = TestImages.pushLayered(registry, "test/layered:1");
        schema2 = TestImages.pushLayeredDockerList(registry, "test/schema2:1").image(Platform.host());
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void savedImagesLoadIntoAFreshStoreAndRun() throws IOException {
        pull(cli, busybox.reference(), layered.reference());
        Path archive = root.resolve("images.tar");
        assertSucceeds(cli.run("save", "-o", archive.toString(), busybox.reference(), layered.reference()));

        Cli fresh = freshCli();
        Cli.Result load = fresh.run("load", "-i", archive.toString());
        assertSucceeds(load);
        assertThat(load.stdout()).isEqualTo("Loaded image: " + busybox.reference() + "\nLoaded image: "
                + layered.reference() + "\n");
        assertThat(imageId(fresh, layered.reference())).isEqualTo(layered.configDigest().toString());
        assertManifestKept(layered);
        assertThat(fresh.run("run", "--rm", busybox.reference(), "echo", "loaded").stdout()).isEqualTo("loaded\n");
        assertTreeInside(fresh, layered.reference());
    }

    @Test
    void aDockerSchema2ImageIsSavedWithItsOwnManifest() throws IOException {
        String reference = registry.reference("test/schema2:1");
        pull(cli, reference);
        Path archive = root.resolve("schema2.tar");
        assertSucceeds(cli.run("save", "-o", archive.toString(), reference));
        assertThat(ArchiveFiles.entry(archive, "index.json"))
                .contains("\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\",\"digest\":\""
                        + schema2.manifestDigest() + "\"");
        assertThat(json(skopeo("inspect", "oci-archive:" + archive)).string("Digest"))
                .isEqualTo(schema2.manifestDigest().toString());

        Cli fresh = freshCli();
        assertSucceeds(fresh.run("load", "-i", archive.toString()));
        assertManifestKept(schema2);
        assertTreeInside(fresh, reference);
    }

    @Test
    void anArchiveOnStandardOutputLoadsGzippedFromStandardInput() throws IOException {
        pull(cli, busybox.reference());
        Path archive = root.resolve("stdout.tar");
        assertSucceeds(cli.runWithFiles(Path.of("/dev/null"), archive, "save", busybox.reference()));
        Path gzipped = ArchiveFiles.gzip(archive, root.resolve("stdout.tar.gz"));

        Cli.Result load = freshCli().runWithFiles(gzipped, root.resolve("load.out"), "load", "-q");
        assertSucceeds(load);
        assertThat(root.resolve("load.out")).hasContent("Loaded image: " + busybox.reference());
    }

    @Test
    void archivesSkopeoWritesLoadAndRun() throws IOException {
        Path dockerArchive = root.resolve("skopeo-docker.tar");
        skopeo("copy", "--src-tls-verify=false", "docker://" + layered.reference(),
                "docker-archive:" + dockerArchive + ":test/from-skopeo:1");
        Cli.Result docker = cli.run("load", "-i", dockerArchive.toString());
        assertSucceeds(docker);
        assertThat(docker.stdout()).isEqualTo("Loaded image: test/from-skopeo:1\n");
        assertTreeInside(cli, "test/from-skopeo:1");

        Path ociArchive = root.resolve("skopeo-oci.tar");
        skopeo("copy", "--src-tls-verify=false", "docker://" + busybox.reference(), "oci-archive:" + ociArchive + ":1");
        Cli.Result oci = cli.run("load", "-i", ociArchive.toString());
        assertSucceeds(oci);
        // its only name is the tag "1", which names no repository: the image is loaded untagged
        assertThat(oci.stdout()).isEqualTo("Loaded image ID: " + busybox.configDigest() + "\n");
        assertThat(cli.run("run", "--rm", busybox.configDigest().toString(), "echo", "ok").stdout()).isEqualTo("ok\n");
    }

    @Test
    void skopeoReadsOurArchiveAsADockerArchiveAndAsAnOciArchive() throws IOException {
        pull(cli, layered.reference());
        Path archive = root.resolve("ours.tar");
        assertSucceeds(cli.run("save", "-o", archive.toString(), layered.reference()));

        JsonObject asOci = json(skopeo("inspect", "oci-archive:" + archive));
        assertThat(asOci.string("Digest")).isEqualTo(layered.manifestDigest().toString());
        assertThat(asOci.strings("Layers")).isEqualTo(layered.layerDigests().stream().map(Digest::toString).toList());
        JsonObject asDocker = json(skopeo("inspect", "docker-archive:" + archive));
        // a docker-archive source hands out its layers uncompressed, named by their diffIDs
        assertThat(asDocker.strings("Layers")).isEqualTo(layered.diffIds().stream().map(Digest::toString).toList());

        Path fromOci = root.resolve("from-oci");
        skopeo("copy", "oci-archive:" + archive, "oci:" + fromOci + ":copy");
        assertThat(Files.readString(fromOci.resolve("index.json"))).contains(layered.manifestDigest().toString());
        Path fromDocker = root.resolve("from-docker");
        skopeo("copy", "docker-archive:" + archive, "oci:" + fromDocker + ":copy");
        assertThat(fromDocker.resolve("blobs/sha256/" + layered.configDigest().hex())).as("the same config").exists();
    }

    @Test
    void podmanLoadsOurArchivesAndWeLoadPodmans() throws IOException {
        try (IsolatedPodman podman = new IsolatedPodman(Files.createDirectory(root.resolve("podman")))) {
            Optional<String> unavailable = podman.unavailable();
            assumeTrue(unavailable.isEmpty(), unavailable.orElse(""));
            pull(cli, busybox.reference(), layered.reference());
            Path one = root.resolve("one.tar");
            Path two = root.resolve("two.tar");
            assertSucceeds(cli.run("save", "-o", one.toString(), layered.reference()));
            assertSucceeds(cli.run("save", "-o", two.toString(), busybox.reference(), layered.reference()));

            // one image: podman reads the OCI side; two: its oci-archive reader wants one, it reads manifest.json
            assertThat(podman.run("load", "-i", one.toString())).contains("Loaded image: " + layered.reference());
            assertThat(podman.run("image", "inspect", "--format", "{{.Id}}", layered.reference()).strip())
                    .isEqualTo(layered.configDigest().hex());
            assertThat(podman.run("load", "-i", two.toString())).contains(busybox.reference(), layered.reference());

            Path fromPodman = root.resolve("podman-saved.tar");
            podman.run("save", "-o", fromPodman.toString(), busybox.reference());
            Cli fresh = freshCli();
            assertThat(fresh.run("load", "-i", fromPodman.toString()).stdout())
                    .isEqualTo("Loaded image: " + busybox.reference() + "\n");
            assertThat(fresh.run("run", "--rm", busybox.reference(), "echo", "via podman").stdout())
                    .isEqualTo("via podman\n");
        }
    }

    @Test
    void aTruncatedArchiveIsOneClearLineAndAddsNothing() throws IOException {
        pull(cli, layered.reference());
        Path archive = root.resolve("whole.tar");
        assertSucceeds(cli.run("save", "-o", archive.toString(), layered.reference()));

        Cli fresh = freshCli();
        Cli.Result load = fresh.run("load", "-i", ArchiveFiles.truncated(archive, 0.5, root.resolve("half.tar")).toString());
        assertThat(load.exitCode()).isEqualTo(125);
        assertThat(load.stderr()).startsWith("minicontainer: load: the archive is truncated in blobs/sha256/").hasLineCount(1);
        assertFreshStoreHoldsNothing(fresh);
    }

    @Test
    void aCorruptLayerIsOneClearLineAndAddsNothing() throws IOException {
        Path dockerArchive = root.resolve("skopeo-docker.tar");
        skopeo("copy", "--src-tls-verify=false", "docker://" + layered.reference(), "docker-archive:" + dockerArchive);
        List<String> layerFiles = json("{\"m\":" + ArchiveFiles.entry(dockerArchive, "manifest.json") + "}")
                .objects("m").getFirst().strings("Layers");
        ArchiveFiles.corrupt(dockerArchive, layerFiles.getLast()); // its first two layers are stored, then it fails

        Cli fresh = freshCli();
        Cli.Result load = fresh.run("load", "-i", dockerArchive.toString());
        assertThat(load.exitCode()).isEqualTo(125);
        assertThat(load.stderr()).startsWith("minicontainer: load: layer " + layerFiles.getLast() + " of the archive")
                .hasLineCount(1);
        assertFreshStoreHoldsNothing(fresh);

        pull(cli, layered.reference());
        Path ours = root.resolve("ours.tar");
        assertSucceeds(cli.run("save", "-o", ours.toString(), layered.reference()));
        String blob = "blobs/sha256/" + layered.layerDigests().getLast().hex();
        ArchiveFiles.corrupt(ours, blob);
        Cli.Result oursLoad = fresh.run("load", "-i", ours.toString());
        assertThat(oursLoad.exitCode()).isEqualTo(125);
        assertThat(oursLoad.stderr()).isEqualTo("minicontainer: load: archive entry " + blob
                + " is corrupt: its content has digest " + Digest.of(ArchiveFiles.entryBytes(ours, blob)) + "\n");
        assertFreshStoreHoldsNothing(fresh);
    }

    // Helpers

    private static void pull(Cli cli, String... references) {
        for (String reference : references) {
            assertSucceeds(cli.run("pull", "-q", reference));
        }
    }

    private static void assertSucceeds(Cli.Result result) {
        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }

    private Path freshRoot() {
        return root.resolve("fresh");
    }

    private Cli freshCli() throws IOException {
        return new Cli(Files.createDirectories(freshRoot()), Map.of());
    }

    private static String skopeo(String... args) {
        return registry.skopeo().run(List.of(args));
    }

    private static JsonObject json(String text) {
        return JsonObject.of(Json.parse(text), "skopeo output");
    }

    private void assertManifestKept(PushedImage image) {
        assertThat(freshRoot().resolve("images/blobs/sha256/" + image.manifestDigest().hex())).as("its manifest").exists();
    }

    private static void assertTreeInside(Cli cli, String reference) {
        Cli.Result run = cli.run("run", "--rm", reference, "sh", "-c", LISTING);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> differences = LayeredContent.expectedTree().differences(FileTree.parseListing(run.stdout()),
                path -> path.matches("/(proc|dev|sys)(/.*)?|/etc/(hostname|hosts|resolv\\.conf)"));
        assertThat(differences).isEmpty();
    }

    private static String imageId(Cli cli, String reference) {
        Cli.Result inspect = cli.run("image", "inspect", reference);
        assertThat(inspect.exitCode()).as(inspect.stderr()).isZero();
        return inspect.stdout().replaceAll("(?s).*\"Id\": \"(sha256:[0-9a-f]{64})\".*", "$1");
    }

    /** No image record; what a failed load stored is garbage, and garbage collection leaves nothing behind. */
    private void assertFreshStoreHoldsNothing(Cli fresh) throws IOException {
        assertThat(fresh.run("images", "-q").stdout()).isEmpty();
        new ImageStore(freshRoot().resolve("images")).collectGarbage();
        for (String dir : List.of("blobs/sha256", "layers", "tmp")) {
            try (Stream<Path> left = Files.list(freshRoot().resolve("images").resolve(dir))) {
                assertThat(left).as(dir).isEmpty();
            }
        }
    }
}
