/**
 * Test infrastructure for pulling images from a real registry, all on loopback, free ports, and
 * files under a directory the test gives; close() stops every process and removes its files.
 *
 * <ul>
 *   <li>{@link io.minicontainer.it.registry.LocalRegistry}: the CNCF distribution registry 2.8
 *       ({@code /usr/bin/docker-registry}) with {@link io.minicontainer.it.registry.Auth#NONE},
 *       {@link io.minicontainer.it.registry.Auth#basic} or {@link io.minicontainer.it.registry.Auth#token}.</li>
 *   <li>{@link io.minicontainer.it.registry.TokenServer}: Docker-Hub-style bearer tokens, counting requests.</li>
 *   <li>{@link io.minicontainer.it.registry.BlobRedirector}: blob GETs redirected to a second origin that
 *       refuses Authorization, like S3 behind Docker Hub; can corrupt, truncate or cut blobs.</li>
 *   <li>{@link io.minicontainer.it.registry.TestImages}: busybox, layered (with
 *       {@link io.minicontainer.it.registry.LayeredContent#expectedTree()}), multi-arch, zstd, Docker
 *       schema 2 and big images, built reproducibly and pushed with skopeo.</li>
 *   <li>{@link io.minicontainer.it.registry.RegistryHttp}, {@link io.minicontainer.it.registry.FileTree}:
 *       plain-HTTP checks and tree comparisons for tests.</li>
 * </ul>
 *
 * <pre>{@code
 * try (LocalRegistry registry = LocalRegistry.start(Auth.NONE, tmpDir)) {
 *     PushedImage busybox = TestImages.pushBusybox(registry, "test/busybox:1");
 *     // pull busybox.reference() with the engine, compare with busybox.manifestDigest() ...
 * }
 * }</pre>
 *
 * Needs root (skopeo runs in a private mount namespace so that its blob-info cache stays out of
 * /var/lib) and Debian's docker-registry, skopeo, umoci and apache2-utils.
 */
package io.minicontainer.it.registry;
