package io.minicontainer.it.registry;

import java.io.IOException;
import java.util.List;

/**
 * Tags a built image or index in its layout, pushes it with skopeo ({@code oci:} for OCI images,
 * {@code dir:} for Docker schema 2 ones) and checks what the registry then serves.
 */
public final class ImagePusher {
    private ImagePusher() {}

    public static PushedImage push(LocalRegistry registry, OciLayout layout, BuiltImage image, ImageFormat format,
            String repoAndTag) throws IOException {
        layout.tag(tag(repoAndTag), image.manifest());
        String source = format == ImageFormat.DOCKER
                ? "dir:" + DirLayout.export(layout, image.manifestBytes(), List.of()) : layout.skopeoReference(tag(repoAndTag));
        pushAndVerify(registry, source, image.manifest(), format, repoAndTag, false);
        return new PushedImage(registry.reference(repoAndTag), repository(repoAndTag), image);
    }

    public static PushedIndex push(LocalRegistry registry, OciLayout layout, BuiltIndex index, ImageFormat format,
            String repoAndTag) throws IOException {
        layout.tag(tag(repoAndTag), index.index());
        String source = format == ImageFormat.DOCKER
                ? "dir:" + DirLayout.export(layout, index.indexBytes(), index.images()) : layout.skopeoReference(tag(repoAndTag));
        pushAndVerify(registry, source, index.index(), format, repoAndTag, true);
        return new PushedIndex(registry.reference(repoAndTag), repository(repoAndTag), index);
    }

    private static void pushAndVerify(LocalRegistry registry, String source, Blob manifest, ImageFormat format,
            String repoAndTag, boolean all) throws IOException {
        String tag = tag(repoAndTag);
        registry.skopeo().push(source, registry.reference(repoAndTag), format, all);
        // skopeo can silently push something else (reused or converted blobs): check the registry's copy
        try (RegistryHttp http = RegistryHttp.of(registry)) {
            RegistryHttp.Manifest served = http.manifest(repository(repoAndTag), tag);
            if (!served.digest().equals(manifest.digest()) || !served.contentType().equals(manifest.mediaType())) {
                throw new IllegalStateException("pushed " + manifest + " to " + repoAndTag + " but the registry serves "
                        + served.digest() + " (" + served.contentType() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static String repository(String repoAndTag) {
        return repoAndTag.substring(0, separator(repoAndTag));
    }

    static String tag(String repoAndTag) {
        return repoAndTag.substring(separator(repoAndTag) + 1);
    }

    private static int separator(String repoAndTag) {
        int colon = repoAndTag.lastIndexOf(':');
        if (colon < 0 || colon < repoAndTag.lastIndexOf('/')) {
            throw new IllegalArgumentException("expected REPOSITORY:TAG, got " + repoAndTag);
        }
        return colon;
    }
}
