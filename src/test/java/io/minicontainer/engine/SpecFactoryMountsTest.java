package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.engine.RunRequest.NetworkMode;
import io.minicontainer.oci.Spec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the user's mounts go among the container's own, and how inspect shows them. */
class SpecFactoryMountsTest {
    @TempDir
    Path root;

    private Spec spec(List<Spec.Mount> userMounts) {
        ContainerLayout layout = layout();
        RunRequest request = new RunRequest(Optional.of(root), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), false, false,
                false, List.of(), List.of(), NetworkMode.NONE, false, List.of("sh"), List.of());
        return SpecFactory.forRun(request, "c1", layout, "c1", RootFilesystem.directory(root), List.of(root),
                new ImageRunConfig.Process(List.of("sh"), List.of(), "/", 0, 0, List.of()), userMounts, List.of());
    }

    private ContainerLayout layout() {
        return new ContainerLayout(root.resolve("data"), root.resolve("run"));
    }

    private static List<String> destinations(Spec spec) {
        return spec.mounts().stream().map(Spec.Mount::destination).toList();
    }

    @Test
    void withoutUserMountsTheMountsAreTheUsualOnes() {
        assertThat(destinations(spec(List.of()))).containsExactly("/", "/proc", "/dev", "/dev/pts", "/sys",
                "/dev/mqueue", "/dev/shm", "/etc/hostname", "/etc/hosts", "/etc/resolv.conf");
    }

    @Test
    void userMountsComeAfterTheKernelFileSystemsParentsFirst() {
        Spec spec = spec(List.of(bind("/data/sub"), bind("/data"), bind("/etc")));

        assertThat(destinations(spec)).containsExactly("/", "/proc", "/dev", "/dev/pts", "/sys", "/dev/mqueue",
                "/dev/shm", "/data", "/etc", "/etc/hostname", "/etc/hosts", "/etc/resolv.conf", "/data/sub");
    }

    @Test
    void aUserMountReplacesTheEnginesAtTheSamePlace() {
        Spec.Mount hosts = bind("/etc/hosts");
        Spec.Mount shm = new Spec.Mount("/dev/shm", "tmpfs", "tmpfs", List.of("size=1g"));

        Spec spec = spec(List.of(hosts, shm));

        assertThat(spec.mounts()).contains(hosts, shm);
        assertThat(destinations(spec)).containsOnlyOnce("/etc/hosts", "/dev/shm");
    }

    @Test
    void inspectShowsOnlyTheUsersMountsInDockersShape() {
        String volumeData = root.resolve("data/volumes/cache/_data").toString();
        Spec spec = spec(List.of(
                new Spec.Mount("/src", "bind", "/home/me/src", List.of("rbind", "rprivate", "ro", "rro")),
                new Spec.Mount("/cache", "bind", volumeData, List.of("rbind", "rprivate")),
                new Spec.Mount("/tmp", "tmpfs", "tmpfs", List.of("noexec", "nosuid", "nodev"))));

        assertThat(ContainerMounts.inspect(spec, layout())).containsExactly(
                Map.of("Type", "bind", "Source", "/home/me/src", "Destination", "/src", "Mode", "ro", "RW", false,
                        "Propagation", "rprivate"),
                Map.of("Type", "volume", "Name", "cache", "Source", volumeData, "Destination", "/cache",
                        "Driver", "local", "Mode", "z", "RW", true, "Propagation", ""),
                Map.of("Type", "tmpfs", "Source", "", "Destination", "/tmp", "Mode", "", "RW", true, "Propagation", ""));
    }

    private static Spec.Mount bind(String destination) {
        return new Spec.Mount(destination, "bind", "/srv" + destination, List.of("rbind", "rprivate"));
    }
}
