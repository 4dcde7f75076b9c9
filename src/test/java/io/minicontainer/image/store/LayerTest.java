package io.minicontainer.image.store;

import static io.minicontainer.image.store.Fixtures.diffId;
import static io.minicontainer.image.store.Fixtures.names;
import static io.minicontainer.image.store.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.json.Json;
import io.minicontainer.oci.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerTest {
    private static final LayerMeta BASE = new LayerMeta(diffId("base"), null, null);

    @TempDir
    Path root;
    ImageStore store;

    @BeforeEach
    void openStore() throws IOException {
        store = new ImageStore(root);
    }

    @Test
    void ensureLayerUnpacksOnceAndDescribesTheLayer() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        Digest blob = store.putBlob(Fixtures.bytes("compressed"));
        LayerMeta meta = new LayerMeta(diffId("base"), null, blob);

        Path diff = store.ensureLayer(meta.chainId(), meta, writer("base", calls));

        assertThat(diff).isEqualTo(store.root().resolve("layers/" + meta.chainId().hex() + "/diff"));
        assertThat(diff.resolve("base.txt")).hasContent("base");
        assertThat(store.hasLayer(meta.chainId())).isTrue();
        assertThat(store.layer(meta.chainId())).contains(new LayerInfo(meta.chainId(), meta, 4));
        Map<String, Object> layerJson = new LinkedHashMap<>();
        layerJson.put("chainId", meta.chainId().toString());
        layerJson.put("diffId", meta.diffId().toString());
        layerJson.put("parent", null);
        layerJson.put("size", 4L);
        layerJson.put("compressedBlob", blob.toString());
        assertThat(Json.parse(Files.readString(diff.resolveSibling("layer.json")))).isEqualTo(layerJson);
        assertThat(store.ensureLayer(meta.chainId(), meta, writer("base", calls))).isEqualTo(diff);
        assertThat(calls).hasValue(1);
        assertThat(names(root.resolve("tmp"))).isEmpty();
    }

    @Test
    void ensureLayerFromManyThreadsCallsTheWriterOnce() throws Exception {
        int threads = 8;
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        LayerWriter slowWriter = dir -> {
            sleep(50);
            return writer("base", calls).write(dir);
        };
        List<Future<Path>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                ImageStore ownStore = new ImageStore(root);
                results.add(pool.submit(() -> {
                    start.await();
                    return ownStore.ensureLayer(BASE.chainId(), BASE, slowWriter);
                }));
            }
            start.countDown();
        }

        Set<Path> paths = new HashSet<>();
        for (Future<Path> result : results) {
            paths.add(result.get());
        }
        assertThat(calls).hasValue(1);
        assertThat(paths).containsExactly(store.layerDiff(BASE.chainId()));
        assertThat(names(root.resolve("layers"))).containsExactly(BASE.chainId().hex());
    }

    @Test
    void writerThatThrowsLeavesNothingUnderLayers() throws IOException {
        LayerWriter failing = dir -> {
            Files.writeString(dir.resolve("half"), "written");
            throw new IOException("connection reset");
        };

        assertThatThrownBy(() -> store.ensureLayer(BASE.chainId(), BASE, failing)).hasMessage("connection reset");
        assertThat(store.hasLayer(BASE.chainId())).isFalse();
        assertThat(names(root.resolve("layers"))).isEmpty();
        assertThat(names(root.resolve("tmp"))).isEmpty();
        assertThat(names(root.resolve("locks/tmp"))).isEmpty();
    }

    @Test
    void contentWithAnotherDiffIdIsNotKept() throws IOException {
        assertThatThrownBy(() -> store.ensureLayer(BASE.chainId(), BASE, writer("other", new AtomicInteger())))
                .isInstanceOf(IOException.class)
                .hasMessage("layer " + BASE.chainId() + ": unpacked content has diffID " + diffId("other")
                        + ", expected " + BASE.diffId());
        assertThat(names(root.resolve("layers"))).isEmpty();
        assertThat(names(root.resolve("tmp"))).isEmpty();
    }

    @Test
    void chainIdMustFollowFromParentAndDiffId() {
        Digest wrong = diffId("elsewhere");

        assertThatThrownBy(() -> store.ensureLayer(wrong, BASE, writer("base", new AtomicInteger())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer " + wrong + ": its parent and diffID make chain id " + BASE.chainId());
    }

    @Test
    void layersOnTopRecordTheirParent() throws IOException {
        List<Digest> chainIds = Fixtures.layers(store, "base", "app");

        LayerInfo top = store.layer(chainIds.get(1)).orElseThrow();

        assertThat(top.chainId()).isEqualTo(ImageStore.chainId(List.of(diffId("base"), diffId("app"))));
        assertThat(top.meta().parentChainId()).isEqualTo(chainIds.get(0));
        assertThat(top.meta().diffId()).isEqualTo(diffId("app"));
    }

    @Test
    void importLayerLearnsTheChainIdFromTheWriter() throws IOException {
        LayerInfo imported = store.importLayer(BASE.chainId(), null, writer("app", new AtomicInteger()));

        Digest expected = ImageStore.chainId(BASE.chainId(), diffId("app"));
        assertThat(imported).isEqualTo(new LayerInfo(expected, new LayerMeta(diffId("app"), BASE.chainId(), null), 3));
        assertThat(store.layerDiff(expected).resolve("app.txt")).hasContent("app");
        assertThat(names(root.resolve("tmp"))).isEmpty();
    }

    @Test
    void importOfALayerAlreadyThereDiscardsTheNewCopy() throws IOException {
        Path diff = store.ensureLayer(BASE.chainId(), BASE, writer("base", new AtomicInteger()));
        Files.writeString(diff.resolve("marker"), "first copy");

        LayerInfo imported = store.importLayer(null, null, writer("base", new AtomicInteger()));

        assertThat(imported.chainId()).isEqualTo(BASE.chainId());
        assertThat(diff.resolve("marker")).hasContent("first copy");
        assertThat(names(root.resolve("tmp"))).isEmpty();
        assertThat(names(root.resolve("locks/tmp"))).isEmpty();
    }

    @Test
    void unknownLayerIsAbsent() throws IOException {
        assertThat(store.hasLayer(BASE.chainId())).isFalse();
        assertThat(store.layer(BASE.chainId())).isEmpty();
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
