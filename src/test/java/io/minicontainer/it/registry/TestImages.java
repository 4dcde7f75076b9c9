package io.minicontainer.it.registry;

import java.io.IOException;
import java.util.List;

/**
 * The test images, built into OCI layouts with exact, reproducible content and pushed with skopeo
 * as they are ({@code --preserve-digests}); every push is checked by fetching the manifest back.
 * {@code repoAndTag} is {@code REPOSITORY:TAG}, e.g. {@code test/busybox:1}.
 *
 * <pre>{@code
 * try (LocalRegistry registry = LocalRegistry.start(Auth.NONE, tmp)) {
 *     PushedImage busybox = TestImages.pushBusybox(registry, "test/busybox:1");
 *     PushedImage layered = TestImages.pushLayered(registry, "test/layered:1");
 *     ExpectedTree tree = LayeredContent.expectedTree();
 * }
 * }</pre>
 */
public final class TestImages {
    private TestImages() {}

    // Building, into a layout the caller owns

    public static BuiltImage busybox(OciLayout layout, ImageFormat format, RunSettings run) throws IOException {
        return ImageBuilder.image(layout, format, Platform.host(), run, Compression.GZIP,
                List.of(BusyboxLayer.tar()), List.of("busybox layer"));
    }

    /** busybox's layer, then {@link LayeredContent}'s two; its tree is {@link LayeredContent#expectedTree()}. */
    public static BuiltImage layered(OciLayout layout, ImageFormat format, Compression compression) throws IOException {
        return ImageBuilder.image(layout, format, Platform.host(), RunSettings.BUSYBOX, compression,
                List.of(BusyboxLayer.tar(), LayeredContent.dataLayer(), LayeredContent.changesLayer()),
                List.of("busybox layer", "data layer", "changes layer"));
    }

    /** An image for {@link Platform#foreign()}: one small layer with /hello.txt, never runnable here. */
    public static BuiltImage foreign(OciLayout layout, ImageFormat format) throws IOException {
        TarBuilder layer = new TarBuilder().file("hello.txt", "hello from " + Platform.foreign() + "\n", 0644);
        return ImageBuilder.image(layout, format, Platform.foreign(), RunSettings.BUSYBOX.withCmd("cat", "/hello.txt"),
                Compression.GZIP, List.of(layer), List.of("foreign layer"));
    }

    /** An OCI index: busybox for this host, the foreign image, and an attestation (unknown/unknown) for busybox. */
    public static BuiltIndex multiArch(OciLayout layout) throws IOException {
        BuiltImage busybox = busybox(layout, ImageFormat.OCI, RunSettings.BUSYBOX);
        return ImageBuilder.index(layout, ImageFormat.OCI,
                List.of(busybox, foreign(layout, ImageFormat.OCI), ImageBuilder.attestation(layout, busybox)));
    }

    /** A Docker manifest list: {@code layered} as schema 2 for this host, and the foreign image. */
    public static BuiltIndex layeredDockerList(OciLayout layout) throws IOException {
        return ImageBuilder.index(layout, ImageFormat.DOCKER, List.of(layered(layout, ImageFormat.DOCKER, Compression.GZIP),
                foreign(layout, ImageFormat.DOCKER)));
    }

    /** One layer of {@code mib} MiB of incompressible data, gzip with stored blocks (see {@link Compression#GZIP_STORED}). */
    public static BuiltImage big(OciLayout layout, int mib) throws IOException {
        return ImageBuilder.image(layout, ImageFormat.OCI, Platform.host(), RunSettings.BUSYBOX, Compression.GZIP_STORED,
                List.of(new BigLayer(mib, mib)), List.of("big layer"));
    }

    // Building and pushing

    public static PushedImage pushBusybox(LocalRegistry registry, String repoAndTag) throws IOException {
        return pushBusybox(registry, repoAndTag, ImageFormat.OCI, RunSettings.BUSYBOX);
    }

    public static PushedImage pushBusybox(LocalRegistry registry, String repoAndTag, RunSettings run) throws IOException {
        return pushBusybox(registry, repoAndTag, ImageFormat.OCI, run);
    }

    public static PushedImage pushBusybox(LocalRegistry registry, String repoAndTag, ImageFormat format, RunSettings run)
            throws IOException {
        OciLayout layout = OciLayout.create(registry.newScratchDir("busybox-"));
        return ImagePusher.push(registry, layout, busybox(layout, format, run), format, repoAndTag);
    }

    public static PushedImage pushLayered(LocalRegistry registry, String repoAndTag) throws IOException {
        OciLayout layout = OciLayout.create(registry.newScratchDir("layered-"));
        return ImagePusher.push(registry, layout, layered(layout, ImageFormat.OCI, Compression.GZIP), ImageFormat.OCI,
                repoAndTag);
    }

    /** {@code layered} with zstd layers (the same diffIDs as the gzip one, other digests). */
    public static PushedImage pushLayeredZstd(LocalRegistry registry, String repoAndTag) throws IOException {
        OciLayout layout = OciLayout.create(registry.newScratchDir("layered-zstd-"));
        return ImagePusher.push(registry, layout, layered(layout, ImageFormat.OCI, Compression.ZSTD), ImageFormat.OCI,
                repoAndTag);
    }

    public static PushedIndex pushLayeredDockerList(LocalRegistry registry, String repoAndTag) throws IOException {
        OciLayout layout = OciLayout.create(registry.newScratchDir("layered-docker-"));
        return ImagePusher.push(registry, layout, layeredDockerList(layout), ImageFormat.DOCKER, repoAndTag);
    }

    public static PushedIndex pushMultiArch(LocalRegistry registry, String repoAndTag) throws IOException {
        OciLayout layout = OciLayout.create(registry.newScratchDir("multi-arch-"));
        return ImagePusher.push(registry, layout, multiArch(layout), ImageFormat.OCI, repoAndTag);
    }

    /** Builds and pushes a big image; its layout is removed afterwards (it can be large). */
    public static PushedImage pushBig(LocalRegistry registry, String repoAndTag, int mib) throws IOException {
        OciLayout layout = OciLayout.create(registry.newScratchDir("big-"));
        try {
            return ImagePusher.push(registry, layout, big(layout, mib), ImageFormat.OCI, repoAndTag);
        } finally {
            Dirs.deleteRecursively(layout.dir());
        }
    }
}
