package io.minicontainer.image.store;

import static io.minicontainer.image.store.Fixtures.bytes;
import static io.minicontainer.image.store.Fixtures.image;
import static io.minicontainer.image.store.Fixtures.names;
import static io.minicontainer.image.store.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.TestHost;
import io.minicontainer.image.ImageReference;
import io.minicontainer.oci.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GarbageCollectionTest {
    @TempDir
    Path root;
    ImageStore store;
    /** Not the common pool: it may have a single thread, and these tests block in theirs. */
    final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void openStore() throws IOException {
        store = new ImageStore(root);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void keepsWhatImagesShareAndRemovesTheRest() throws IOException {
        ImageRecord app = image(store, "app config", "base", "app");
        ImageRecord web = image(store, "web config", "base", "web");
        store.addImage(app, ImageReference.parse("app"));
        store.addImage(web, ImageReference.parse("web"));
        Digest unreferencedIndex = store.putBlob(bytes("an index nobody kept"));
        store.removeImage(app.id());

        GcResult result = store.collectGarbage();

        assertThat(result).isEqualTo(new GcResult(4, 1, 0, result.bytesFreed()));
        assertThat(result.bytesFreed()).isEqualTo(3 + "app config".length() + "manifest of app config".length()
                + "blob app".length() + "an index nobody kept".length());
        assertThat(web.layerChainIds()).allMatch(store::hasLayer);
        assertThat(List.of(web.id(), web.manifestDigest(), web.layerBlobs().get(0), web.layerBlobs().get(1)))
                .allMatch(store::hasBlob);
        assertThat(store.hasLayer(app.layerChainIds().get(1))).isFalse();
        assertThat(List.of(app.id(), app.manifestDigest(), app.layerBlobs().get(1), unreferencedIndex))
                .noneMatch(store::hasBlob);
        assertThat(names(root.resolve("layers"))).hasSize(2);
        assertThat(names(root.resolve("tmp"))).isEmpty();
        assertThat(store.collectGarbage()).isEqualTo(new GcResult(0, 0, 0, 0));
    }

    @Test
    void removesLayersWhateverTheirFilesAre() throws IOException {
        Path outside = Files.writeString(root.resolve("outside"), "must survive");
        LayerWriter hostile = dir -> {
            Path locked = Files.createDirectories(dir.resolve("usr/locked"));
            Files.writeString(locked.resolve("secret"), "x");
            Files.setPosixFilePermissions(locked.resolve("secret"), Set.of());
            Files.setPosixFilePermissions(locked, Set.of());
            Files.setPosixFilePermissions(dir.resolve("usr"), PosixFilePermissions.fromString("r-xr-xr-x"));
            Files.createSymbolicLink(dir.resolve("escape"), outside);
            Files.createSymbolicLink(dir.resolve("escape-dir"), root);
            Files.createDirectories(dir.resolve("opaque"));
            Files.getFileAttributeView(dir.resolve("opaque"), UserDefinedFileAttributeView.class)
                    .write("overlay.opaque", ByteBuffer.wrap(bytes("y")));
            run("mkfifo", dir.resolve("fifo").toString());
            if (TestHost.isRoot()) {
                run("mknod", dir.resolve("null").toString(), "c", "1", "3");
                run("chown", "-R", "65534:65534", dir.resolve("usr").toString());
            }
            return Fixtures.diffId("hostile");
        };
        LayerMeta meta = new LayerMeta(Fixtures.diffId("hostile"), null, null);
        store.ensureLayer(meta.chainId(), meta, hostile);

        assertThat(store.collectGarbage().layersRemoved()).isEqualTo(1);

        assertThat(names(root.resolve("layers"))).isEmpty();
        assertThat(names(root.resolve("tmp"))).isEmpty();
        assertThat(outside).hasContent("must survive");
        assertThat(root.resolve("images.json")).doesNotExist();
    }

    @Test
    void neverRemovesATemporaryFileAnotherThreadIsWriting() throws IOException {
        byte[] content = bytes("a layer still downloading");
        try (BlobWriter writer = store.newBlob()) {
            writer.write(content, 0, 10);

            assertThat(store.collectGarbage().tempsRemoved()).isZero();

            writer.write(content, 10, content.length - 10);
            writer.commit(Digest.of(content), content.length);
        }
        assertThat(store.readBlob(Digest.of(content))).isEqualTo(content);
    }

    @Test
    void neverRemovesALayerAnotherThreadIsUnpacking() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        LayerMeta meta = new LayerMeta(Fixtures.diffId("base"), null, null);
        CompletableFuture<Path> unpack = CompletableFuture.supplyAsync(() -> ensure(meta, dir -> {
            Files.writeString(dir.resolve("partial"), "first half");
            writing.countDown();
            await(mayFinish);
            return writer("base", new AtomicInteger()).write(dir);
        }), threads);
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(store.collectGarbage().tempsRemoved()).isZero();
        mayFinish.countDown();

        Path diff = unpack.get(10, TimeUnit.SECONDS);
        assertThat(diff.resolve("partial")).hasContent("first half");
        assertThat(diff.resolve("base.txt")).hasContent("base");
    }

    @Test
    void leavesALayerAloneWhileSomeoneHoldsItsLock() throws Exception {
        Digest chainId = Fixtures.layers(store, "base").get(0);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try (FileLocks.Held _ = store.lockLayer(chainId)) {
                locked.countDown();
                await(release);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, threads);
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(store.collectGarbage().layersRemoved()).isZero();
        assertThat(store.hasLayer(chainId)).isTrue();

        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        assertThat(store.collectGarbage().layersRemoved()).isEqualTo(1);
    }

    @Test
    void removesWhatDeadWritersLeftInTmp() throws IOException {
        Path crashedUnpack = Files.createDirectories(root.resolve("tmp/0123abcd/diff/etc"));
        Files.writeString(crashedUnpack.resolve("passwd"), "root:x:0:0");
        Files.createFile(root.resolve("locks/tmp/0123abcd"));
        Files.writeString(root.resolve("tmp/noLockFile"), "half a blob");
        Files.createFile(root.resolve("locks/tmp/lockWithoutEntry"));

        assertThat(store.collectGarbage().tempsRemoved()).isEqualTo(2);

        assertThat(names(root.resolve("tmp"))).isEmpty();
        assertThat(names(root.resolve("locks/tmp"))).isEmpty();
    }

    @Test
    void waitsForPinnedPullsAndKeepsWhatTheyAdded() throws Exception {
        CompletableFuture<GcResult> collection;
        ImageRecord pulled;
        try (ImageStore.Pin _ = store.pin()) {
            pulled = image(store, "pulled config", "base");
            collection = CompletableFuture.supplyAsync(this::collect, threads);
            Thread.sleep(300);
            assertThat(collection).isNotDone();
            store.addImage(pulled, ImageReference.parse("pulled"));
        }

        assertThat(collection.get(10, TimeUnit.SECONDS)).isEqualTo(new GcResult(0, 0, 0, 0));
        assertThat(store.hasLayer(pulled.layerChainIds().get(0))).isTrue();
        assertThat(store.hasBlob(pulled.id())).isTrue();
    }

    @Test
    void collectingWhileHoldingAPinWouldWaitForItselfSoItFails() throws IOException {
        try (ImageStore.Pin _ = store.pin(); ImageStore.Pin _ = store.pin()) {
            assertThatThrownBy(store::collectGarbage).isInstanceOf(IllegalStateException.class)
                    .hasMessageEndingWith("locks/gc shared and would wait for itself forever");
        }
        assertThat(store.collectGarbage()).isEqualTo(new GcResult(0, 0, 0, 0));
    }

    private GcResult collect() {
        try {
            return store.collectGarbage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path ensure(LayerMeta meta, LayerWriter writer) {
        try {
            return store.ensureLayer(meta.chainId(), meta, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IOException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void run(String... command) throws IOException {
        try {
            int status = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (status != 0) {
                throw new IOException(String.join(" ", command) + ": exit " + status);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
