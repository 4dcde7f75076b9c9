package io.minicontainer.engine.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.engine.ContainerLayout;
import io.minicontainer.engine.EngineException;
import io.minicontainer.json.Json;
import io.minicontainer.json.JsonObject;
import io.minicontainer.oci.Spec;
import io.minicontainer.oci.SpecBuilder;
import io.minicontainer.oci.SpecJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeStoreTest {
    @TempDir
    Path root;
    ContainerLayout layout;
    VolumeStore store;

    @BeforeEach
    void createStore() {
        layout = new ContainerLayout(root, root.resolve("run"));
        store = new VolumeStore(layout);
    }

    @Test
    void aVolumeIsADataDirectoryAndDockersInspectDocument() throws IOException {
        VolumeStore.Created created = store.create("cache", Map.of("team", "a"));

        assertThat(created.isNew()).isTrue();
        Path data = root.resolve("volumes/cache/_data");
        assertThat(data).isDirectory();
        assertThat(Files.getPosixFilePermissions(data)).hasSize(7); // rwxr-xr-x
        JsonObject json = JsonObject.of(Json.parse(Files.readString(root.resolve("volumes/cache/volume.json"))), "v");
        assertThat(json.keys()).containsExactly("CreatedAt", "Driver", "Labels", "Mountpoint", "Name", "Options", "Scope");
        assertThat(json.string("CreatedAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(json.string("Driver")).isEqualTo("local");
        assertThat(json.stringMap("Labels")).isEqualTo(Map.of("team", "a"));
        assertThat(json.string("Mountpoint")).isEqualTo(data.toString());
        assertThat(json.string("Name")).isEqualTo("cache");
        assertThat(json.string("Scope")).isEqualTo("local");
        assertThat(store.find("cache")).contains(created.volume());
    }

    @Test
    void creatingAnExistingVolumeReturnsItUnchanged() {
        Volume first = store.create("cache", Map.of("a", "1")).volume();
        VolumeStore.Created again = store.create("cache", Map.of("b", "2"));

        assertThat(again.isNew()).isFalse();
        assertThat(again.volume()).isEqualTo(first);
    }

    @Test
    void manyCreatorsOfOneNameAllSucceedAndExactlyOneCreatesIt() throws Exception {
        int creators = 16;
        ExecutorService pool = Executors.newFixedThreadPool(creators);
        try {
            List<Callable<VolumeStore.Created>> calls = new ArrayList<>();
            for (int i = 0; i < creators; i++) {
                VolumeStore own = new VolumeStore(layout); // as separate CLIs would
                calls.add(() -> own.create("shared", Map.of()));
            }
            List<Future<VolumeStore.Created>> results = pool.invokeAll(calls);
            long created = 0;
            for (Future<VolumeStore.Created> result : results) {
                created += result.get().isNew() ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        try (Stream<Path> entries = Files.list(root.resolve("volumes"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("shared");
        }
    }

    @Test
    void namesFollowDockersRule() {
        assertThatThrownBy(() -> store.create("x", Map.of())).isInstanceOf(EngineException.class)
                .hasMessageContaining("\"x\" includes invalid characters for a local volume name");
        assertThatThrownBy(() -> store.create("../etc", Map.of())).isInstanceOf(EngineException.class);
        assertThat(store.find("../etc")).isEmpty();
        assertThat(VolumeNames.isValid("a.b_c-d")).isTrue();
        assertThat(VolumeNames.random()).matches("[0-9a-f]{64}");
    }

    @Test
    void anonymousVolumesHaveARandomNameAndDockersLabel() {
        Volume anonymous = store.createAnonymous();

        assertThat(anonymous.name()).matches("[0-9a-f]{64}");
        assertThat(anonymous.labels()).isEqualTo(Map.of("com.docker.volume.anonymous", ""));
        assertThat(anonymous.anonymous()).isTrue();
        assertThat(anonymous.inspect().get("Labels")).isEqualTo(Map.of("com.docker.volume.anonymous", ""));
    }

    @Test
    void listIsByNameAndSkipsWhatIsNoVolume() throws IOException {
        store.create("bbb", Map.of());
        store.create("aaa", Map.of());
        Files.createDirectories(root.resolve("volumes/.new-123/_data"));

        assertThat(store.list()).extracting(Volume::name).containsExactly("aaa", "bbb");
    }

    @Test
    void aVolumeUsedByAContainerOnRecordCannotBeRemovedEvenWithForce() throws IOException {
        store.create("cache", Map.of());
        container("c1", store.dataDir("cache"));

        assertThat(store.users()).isEqualTo(Map.of("cache", List.of("c1")));
        assertThatThrownBy(() -> store.remove("cache", true)).isInstanceOf(EngineException.class)
                .hasMessage("remove cache: volume is in use - [c1]");
        assertThat(store.find("cache")).isPresent();
    }

    @Test
    void removeDeletesEverythingAndAMissingVolumeIsAnErrorUnlessForced() throws IOException {
        store.create("cache", Map.of());
        Files.writeString(store.dataDir("cache").resolve("file"), "data");

        store.remove("cache", false);

        assertThat(root.resolve("volumes")).isEmptyDirectory();
        assertThatThrownBy(() -> store.remove("cache", false)).hasMessage("get cache: no such volume");
        store.remove("cache", true);
    }

    @Test
    void pruneTakesOnlyUnusedAnonymousVolumesUnlessAll() throws IOException {
        store.create("named", Map.of());
        Volume unused = store.createAnonymous();
        Volume used = store.createAnonymous();
        container("c1", used.mountpoint());
        Files.writeString(unused.mountpoint().resolve("file"), "12345");

        VolumeStore.Pruned anonymous = store.prune(false);
        assertThat(anonymous.names()).containsExactly(unused.name());
        assertThat(anonymous.bytes()).isEqualTo(5);

        assertThat(store.prune(true).names()).containsExactly("named");
        assertThat(store.list()).containsExactly(used);
    }

    @Test
    void removeAnonymousTakesAContainersAnonymousVolumesOnly() throws IOException {
        Volume named = store.create("named", Map.of()).volume();
        Volume mine = store.createAnonymous();
        Volume shared = store.createAnonymous();
        container("other", shared.mountpoint());
        Spec spec = SpecBuilder.spec().mount("/a", "bind", named.mountpoint().toString(), "rbind")
                .mount("/b", "bind", mine.mountpoint().toString(), "rbind")
                .mount("/c", "bind", shared.mountpoint().toString(), "rbind")
                .mount("/d", "bind", "/srv", "rbind").build();

        assertThat(store.removeAnonymous(spec.mounts())).containsExactly(mine.name());
        assertThat(store.list()).extracting(Volume::name).containsExactlyInAnyOrder("named", shared.name());
    }

    @Test
    void onlyAVolumesDataDirectoryNamesIt() {
        assertThat(store.nameOf(store.dataDir("v1").toString())).contains("v1");
        assertThat(store.nameOf(store.dataDir("v1") + "/sub")).isEmpty();
        assertThat(store.nameOf("/srv/_data")).isEmpty();
    }

    private void container(String id, Path volumeData) throws IOException {
        Path dir = Files.createDirectories(layout.containerDir(id));
        Files.writeString(dir.resolve("config.json"), SpecJson.write(SpecBuilder.spec()
                .mount("/data", "bind", volumeData.toString(), "rbind", "rprivate").build()));
    }
}
