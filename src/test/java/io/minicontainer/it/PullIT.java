package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.it.registry.Auth;
import io.minicontainer.it.registry.ExpectedTree;
import io.minicontainer.it.registry.FileTree;
import io.minicontainer.it.registry.LayeredContent;
import io.minicontainer.it.registry.LocalRegistry;
import io.minicontainer.it.registry.Platform;
import io.minicontainer.it.registry.PushedImage;
import io.minicontainer.it.registry.PushedIndex;
import io.minicontainer.it.registry.RunSettings;
import io.minicontainer.it.registry.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pulling from a real distribution registry on loopback, then running what was pulled. */
class PullIT extends ContainerTest {
    private static final String LISTING = "cd / && " + FileTree.LISTING_SCRIPT;

    static LocalRegistry registry;
    static PushedImage busybox;
    static PushedImage layered;
    static PushedImage layeredZstd;
    static PushedImage configured;
    static PushedIndex multiArch;
    static PushedIndex dockerList;

    @BeforeAll
    static void pushImages() throws IOException {
        registry = LocalRegistry.start(Auth.NONE, shared);
        busybox = TestImages.pushBusybox(registry, "test/busybox:1");
        layered = TestImages.pushLayered(registry, "test/layered:1");
        layeredZstd = TestImages.pushLayeredZstd(registry, "test/layered:zstd");
        configured = TestImages.pushBusybox(registry, "test/configured:1", RunSettings.BUSYBOX
                .withEntrypoint("/bin/sh", "-c").withCmd("id; pwd; echo $GREETING")
                .withEnv(RunSettings.PATH, "GREETING=hello").withWorkingDir("/home/app").withUser("app"));
        multiArch = TestImages.pushMultiArch(registry, "test/multi:1");
        dockerList = TestImages.pushLayeredDockerList(registry, "test/dockerlist:1");
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void aPulledImageIsListedAndRuns() {
        Cli.Result pull = cli.run("pull", busybox.reference());
        assertThat(pull.exitCode()).as(pull.stderr()).isZero();
        assertThat(pull.stdout()).contains("Digest: " + busybox.manifestDigest()).endsWith(busybox.reference() + "\n");
        assertThat(cli.run("images").stdout()).contains(registry.host() + "/test/busybox", busybox.configDigest().shortHex());
        Cli.Result run = cli.run("run", "--rm", busybox.reference(), "echo", "from the image");
        assertThat(run.stdout()).isEqualTo("from the image\n");
    }

    @Test
    void runPullsAMissingImageLikeDocker() {
        Cli.Result run = cli.run("run", "--rm", busybox.reference(), "echo", "ok");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("Unable to find image '" + busybox.reference() + "' locally");
        assertThat(run.stdout()).isEqualTo("ok\n");
    }

    @Test
    void layersWithWhiteoutsOpaqueDirsAndHardLinksArePresentedExactly() {
        assertTreeInside(layered.reference());
    }

    @Test
    void zstdLayersArePresentedExactly() {
        assertTreeInside(layeredZstd.reference());
    }

    @Test
    void theSameLayersCompressedDifferentlyArePulledIntoOneStore() {
        assertThat(cli.run("pull", "-q", layered.reference()).exitCode()).isZero();
        Cli.Result zstd = cli.run("pull", "-q", layeredZstd.reference());
        assertThat(zstd.exitCode()).as(zstd.stderr()).isZero();
        assertTreeInside(layeredZstd.reference());
    }

    @Test
    void aDockerSchema2ManifestListIsPulled() {
        assertTreeInside(dockerList.reference());
    }

    @Test
    void anIndexGivesTheHostsPlatformOrTheOneAskedFor() {
        assertThat(cli.run("pull", "-q", multiArch.reference()).exitCode()).isZero();
        assertThat(imageId(multiArch.reference())).isEqualTo(multiArch.image(Platform.host()).configDigest().toString());

        Cli.Result arm = cli.run("pull", "-q", "--platform", "linux/arm64/v8", multiArch.reference());
        assertThat(arm.exitCode()).as(arm.stderr()).isZero();
        assertThat(imageId(multiArch.reference())).isEqualTo(multiArch.image(Platform.foreign()).configDigest().toString());
    }

    @Test
    void aPlatformTheIndexLacksIsAnErrorListingWhatItHas() throws IOException {
        Cli.Result pull = cli.run("pull", "--platform", "linux/s390x", multiArch.reference());
        assertThat(pull.exitCode()).isEqualTo(125);
        assertThat(pull.stderr()).contains("no matching manifest for linux/s390x", "linux/amd64", "linux/arm64/v8");
        assertStoreHoldsNoImage();
    }

    @Test
    void theImageConfigIsAppliedAsDockerDoes() {
        Cli.Result run = cli.run("run", "--rm", configured.reference());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("uid=1000(app) gid=1000(app)", "2000(extra)", "/home/app\nhello\n");

        Cli.Result overridden = cli.run("run", "--rm", "--entrypoint", "/bin/echo", "-u", "0", configured.reference(), "hi");
        assertThat(overridden.stdout()).isEqualTo("hi\n");
        Cli.Result asRoot = cli.run("run", "--rm", "-u", "root", "-e", "GREETING=bye", configured.reference());
        assertThat(asRoot.stdout()).contains("uid=0(root)", "bye");
    }

    @Test
    void aNonRootUserHasNoCapabilitiesButTheBoundingSet() {
        Cli.Result run = cli.run("run", "--rm", "-u", "1000", "--entrypoint", "", busybox.reference(),
                "grep", "^Cap", "/proc/self/status");
        assertThat(run.stdout()).contains("CapPrm:\t0000000000000000", "CapEff:\t0000000000000000",
                "CapBnd:\t00000000a80425fb");
    }

    @Test
    void aPullByDigestIsVerified() {
        Cli.Result pull = cli.run("pull", busybox.referenceByDigest());
        assertThat(pull.exitCode()).as(pull.stderr()).isZero();
        assertThat(imageId(busybox.referenceByDigest())).isEqualTo(busybox.configDigest().toString());
    }

    @Test
    void badReferencesAndUnknownImagesAreClearErrorsAndStoreNothing() throws IOException {
        Cli.Result upper = cli.run("pull", "Test/UPPER");
        assertThat(upper.exitCode()).isEqualTo(125);
        assertThat(upper.stderr()).startsWith("minicontainer: invalid reference format").doesNotContain("\tat ");
        Cli.Result unknown = cli.run("pull", registry.reference("test/nothing:1"));
        assertThat(unknown.exitCode()).isEqualTo(125);
        assertThat(unknown.stderr()).contains("manifest unknown").hasLineCount(1);
        Cli.Result noTag = cli.run("pull", registry.reference("test/busybox:nope"));
        assertThat(noTag.stderr()).contains("manifest unknown").hasLineCount(1);
        assertStoreHoldsNoImage();
    }

    @Test
    void twoPullsAtOnceShareTheLayersTheyHaveInCommon() throws IOException {
        Cli.Running first = cli.start("pull", "-q", busybox.reference());
        Cli.Running second = cli.start("pull", "-q", layered.reference());
        assertThat(first.await().exitCode()).isZero();
        assertThat(second.await().exitCode()).isZero();
        // layered = busybox's layer + 2: the shared layer is stored once
        assertThat(layerDirs()).hasSize(3);
    }

    @Test
    void rmiRefusesWhileAContainerUsesTheImageAndRemovesOnlyWhatNothingShares() throws IOException {
        assertThat(cli.run("pull", "-q", busybox.reference()).exitCode()).isZero();
        assertThat(cli.run("pull", "-q", layered.reference()).exitCode()).isZero();
        assertThat(cli.run("run", "--name", "user", layered.reference(), "true").exitCode()).isZero();

        Cli.Result refused = cli.run("rmi", layered.reference());
        assertThat(refused.exitCode()).isEqualTo(125);
        assertThat(refused.stderr()).contains("container", "is using its referenced image");

        deleteTree(root.resolve("containers")); // until rm exists: the container is gone
        Cli.Result removed = cli.run("rmi", layered.reference());
        assertThat(removed.stdout()).contains("Untagged: " + layered.reference(), "Deleted: " + layered.configDigest());
        assertThat(layerDirs()).hasSize(1); // busybox's layer stays: busybox still has it
        assertThat(cli.run("run", "--rm", busybox.reference(), "true").exitCode()).isZero();
    }

    private void assertTreeInside(String reference) {
        Cli.Result run = cli.run("run", "--rm", reference, "sh", "-c", LISTING);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        ExpectedTree expected = LayeredContent.expectedTree();
        List<String> differences = expected.differences(FileTree.parseListing(run.stdout()),
                path -> path.matches("/(proc|dev|sys)(/.*)?|/etc/(hostname|hosts|resolv\\.conf)"));
        assertThat(differences).isEmpty();
    }

    private String imageId(String reference) {
        Cli.Result inspect = cli.run("image", "inspect", reference);
        assertThat(inspect.exitCode()).as(inspect.stderr()).isZero();
        return inspect.stdout().replaceAll("(?s).*\"Id\": \"(sha256:[0-9a-f]{64})\".*", "$1");
    }

    private List<String> layerDirs() throws IOException {
        Path layers = root.resolve("images/layers");
        if (!Files.isDirectory(layers)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(layers)) {
            return dirs.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private void assertStoreHoldsNoImage() throws IOException {
        assertThat(cli.run("images", "-q").stdout()).isEmpty();
        assertThat(layerDirs()).isEmpty();
    }
}
