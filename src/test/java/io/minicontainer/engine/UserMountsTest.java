package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.engine.mount.MountRequest;
import io.minicontainer.engine.mount.MountRequest.Recursion;
import io.minicontainer.engine.mount.MountRequests;
import io.minicontainer.engine.volume.VolumeStore;
import io.minicontainer.oci.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserMountsTest {
    @TempDir
    Path root;
    VolumeStore volumes;
    final Rollback rollback = new Rollback();

    @BeforeEach
    void createStore() {
        volumes = new VolumeStore(new ContainerLayout(root.resolve("data"), root.resolve("run")));
    }

    private UserMounts.Prepared prepare(boolean recursiveReadOnly, MountRequest... requests) {
        return new UserMounts(volumes, recursiveReadOnly).prepare(List.of(requests), rollback);
    }

    private static MountRequest.Bind bind(String source, boolean readOnly, Recursion recursion, boolean create) {
        return new MountRequest.Bind(source, "/x", readOnly, recursion, "rprivate", create);
    }

    @Test
    void aReadOnlyBindIsRecursivelyReadOnlyWhenTheKernelCan() {
        String source = root.toString();
        assertThat(prepare(true, bind(source, true, Recursion.ENABLED, true)).specMounts())
                .containsExactly(new Spec.Mount("/x", "bind", source, List.of("rbind", "rprivate", "ro", "rro")));
        assertThat(prepare(false, bind(source, true, Recursion.ENABLED, true)).specMounts().getFirst().options())
                .containsExactly("rbind", "rprivate", "ro");
        assertThat(prepare(true, bind(source, true, Recursion.WRITABLE, true)).specMounts().getFirst().options())
                .containsExactly("rbind", "rprivate", "ro");
        assertThat(prepare(true, bind(source, false, Recursion.DISABLED, true)).specMounts().getFirst().options())
                .containsExactly("bind", "rprivate");
        assertThat(prepare(false, bind(source, false, Recursion.ENABLED, true)).specMounts().getFirst().options())
                .containsExactly("rbind", "rprivate");
    }

    @Test
    void forcedRecursiveReadOnlyOnAnOldKernelIsAnError() {
        assertThatThrownBy(() -> prepare(false, bind(root.toString(), true, Recursion.READONLY, false)))
                .isInstanceOf(EngineException.class)
                .hasMessage("option 'bind-recursive=readonly' needs Linux 5.12 or newer (mount_setattr)");
    }

    @Test
    void aMissingDashVSourceIsCreatedAndTheRollbackRemovesWhatWasCreated() throws IOException {
        Path existing = Files.createDirectory(root.resolve("existing"));
        Path source = existing.resolve("new/deeper");

        prepare(true, bind(source.toString(), false, Recursion.ENABLED, true));
        assertThat(source).isDirectory();

        rollback.run();
        assertThat(existing).exists().isEmptyDirectory();
    }

    @Test
    void aMissingMountSourceIsRefusedBeforeAnythingIsCreated() {
        MountRequest volume = new MountRequest.Volume("cache", "/cache", false, Map.of());
        MountRequest missing = bind(root.resolve("missing").toString(), false, Recursion.ENABLED, false);

        assertThatThrownBy(() -> prepare(true, volume, missing)).isInstanceOf(EngineException.class)
                .hasMessage("invalid mount config for type \"bind\": bind source path does not exist: "
                        + root.resolve("missing"));
        assertThat(volumes.list()).isEmpty();
    }

    @Test
    void aSymlinkedSourceIsResolvedSoTheMountPointGetsTheRightKind() throws IOException {
        Path target = Files.createDirectory(root.resolve("target"));
        Path link = Files.createSymbolicLink(root.resolve("link"), target);

        assertThat(prepare(true, bind(link.toString(), false, Recursion.ENABLED, false)).specMounts().getFirst().source())
                .isEqualTo(target.toString());
    }

    @Test
    void volumesAreCreatedAndMountedFromTheirDataDirectory() {
        UserMounts.Prepared prepared = prepare(true, new MountRequest.Volume("cache", "/cache", true, Map.of("a", "b")),
                new MountRequest.Volume("", "/anon", false, Map.of()));

        assertThat(volumes.find("cache").orElseThrow().labels()).isEqualTo(Map.of("a", "b"));
        assertThat(prepared.specMounts().getFirst()).isEqualTo(new Spec.Mount("/cache", "bind",
                volumes.dataDir("cache").toString(), List.of("rbind", "rprivate", "ro", "rro")));
        Path anonymous = prepared.anonymousVolumes().getFirst();
        assertThat(prepared.specMounts().get(1).source()).isEqualTo(anonymous.resolve("_data").toString());
        assertThat(prepared.withAnonymousVolumes(List.of("/c"))).containsExactly("/c", anonymous.toString());
    }

    @Test
    void theRollbackRemovesVolumesThisRunCreatedOnly() {
        volumes.create("old", Map.of());
        prepare(true, new MountRequest.Volume("old", "/a", false, Map.of()),
                new MountRequest.Volume("new", "/b", false, Map.of()), new MountRequest.Volume("", "/c", false, Map.of()));

        rollback.run();

        assertThat(volumes.list()).extracting(v -> v.name()).containsExactly("old");
    }

    @Test
    void tmpfsKeepsItsOptions() {
        MountRequest tmpfs = MountRequests.parse(List.of(), List.of(), List.of("/t:size=1m"), root).getFirst();
        assertThat(prepare(true, tmpfs).specMounts()).containsExactly(
                new Spec.Mount("/t", "tmpfs", "tmpfs", List.of("noexec", "nosuid", "nodev", "size=1m")));
    }

    @Test
    void kernelReleasesCompareByMajorAndMinor() {
        assertThat(UserMounts.compareVersions("6.8.0-45-generic", "5.12")).isPositive();
        assertThat(UserMounts.compareVersions("5.12.0", "5.12")).isZero();
        assertThat(UserMounts.compareVersions("5.4.0-1", "5.12")).isNegative();
        assertThat(UserMounts.compareVersions("4.19", "5.12")).isNegative();
    }
}
