package io.minicontainer.engine;

import io.minicontainer.engine.mount.MountRequest;
import io.minicontainer.engine.mount.MountRequest.Recursion;
import io.minicontainer.engine.volume.Volume;
import io.minicontainer.engine.volume.VolumeStore;
import io.minicontainer.oci.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The user's mounts as the spec's: volumes created when missing, a {@code -v} host directory created
 * when missing, a {@code --mount} source that is missing refused. Everything that can be refused is
 * checked before anything is created; what is created goes into the rollback.
 */
final class UserMounts {
    private static final String RECURSIVE_READONLY_KERNEL = "5.12";

    /** The spec's mounts, and this run's anonymous volumes (removed with the container on --rm or a failed start). */
    record Prepared(List<Spec.Mount> specMounts, List<Path> anonymousVolumes) {
        Prepared {
            specMounts = List.copyOf(specMounts);
            anonymousVolumes = List.copyOf(anonymousVolumes);
        }

        /** {@code paths} and this run's anonymous volumes' directories. */
        List<String> withAnonymousVolumes(List<String> paths) {
            return Stream.concat(paths.stream(), anonymousVolumes.stream().map(Path::toString)).toList();
        }
    }

    private final VolumeStore volumes;
    private final boolean recursiveReadOnly;

    UserMounts(VolumeStore volumes, boolean recursiveReadOnly) {
        this.volumes = volumes;
        this.recursiveReadOnly = recursiveReadOnly;
    }

    static Prepared prepare(List<MountRequest> requests, ContainerLayout layout, Rollback rollback) {
        if (requests.isEmpty()) {
            return new Prepared(List.of(), List.of());
        }
        return new UserMounts(new VolumeStore(layout), kernelAtLeast(RECURSIVE_READONLY_KERNEL)).prepare(requests, rollback);
    }

    Prepared prepare(List<MountRequest> requests, Rollback rollback) {
        requests.forEach(this::check);
        List<Spec.Mount> mounts = new ArrayList<>();
        List<Path> anonymous = new ArrayList<>();
        for (MountRequest request : requests) {
            mounts.add(switch (request) {
                case MountRequest.Bind bind -> new Spec.Mount(bind.target(), "bind", source(bind, rollback), bindOptions(bind));
                case MountRequest.Volume volume -> {
                    Volume created = volume(volume, rollback);
                    if (volume.anonymous()) {
                        anonymous.add(created.mountpoint().getParent());
                    }
                    yield new Spec.Mount(volume.target(), "bind", created.mountpoint().toString(), volumeOptions(volume));
                }
                case MountRequest.Tmpfs tmpfs -> new Spec.Mount(tmpfs.target(), "tmpfs", "tmpfs", tmpfs.options());
            });
        }
        return new Prepared(mounts, anonymous);
    }

    private void check(MountRequest request) {
        if (request instanceof MountRequest.Bind bind) {
            if (!bind.createSource() && !Files.exists(Path.of(bind.source()))) {
                throw new EngineException("invalid mount config for type \"bind\": bind source path does not exist: "
                        + bind.source());
            }
            if (bind.recursion() == Recursion.READONLY && !recursiveReadOnly) {
                throw new EngineException("option 'bind-recursive=readonly' needs Linux " + RECURSIVE_READONLY_KERNEL
                        + " or newer (mount_setattr)");
            }
        }
    }

    /**
     * docker's {@code -v}: a missing host directory is created (mode 0755), and the rollback removes
     * what this created. Symlinks are resolved, as mount(2) would, so the mount point gets the right kind.
     */
    private static String source(MountRequest.Bind bind, Rollback rollback) {
        Path source = Path.of(bind.source());
        try {
            if (!Files.exists(source)) {
                Path firstMissing = source;
                while (firstMissing.getParent() != null && !Files.exists(firstMissing.getParent())) {
                    firstMissing = firstMissing.getParent();
                }
                Files.createDirectories(source);
                rollback.created(firstMissing);
            }
            return source.toRealPath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("create bind source " + source + ": " + e.getMessage(), e);
        }
    }

    private Volume volume(MountRequest.Volume request, Rollback rollback) {
        VolumeStore.Created created = request.anonymous() ? new VolumeStore.Created(volumes.createAnonymous(), true)
                : volumes.create(request.name(), request.labels());
        if (created.isNew()) {
            rollback.created(created.volume().mountpoint().getParent());
        }
        return created.volume();
    }

    private List<String> bindOptions(MountRequest.Bind bind) {
        List<String> options = new ArrayList<>(List.of(bind.recursion() == Recursion.DISABLED ? "bind" : "rbind",
                bind.propagation()));
        if (bind.readOnly()) {
            options.add("ro");
            boolean belowToo = bind.recursion() == Recursion.READONLY
                    || bind.recursion() == Recursion.ENABLED && recursiveReadOnly;
            if (belowToo) {
                options.add("rro");
            }
        }
        return options;
    }

    private List<String> volumeOptions(MountRequest.Volume volume) {
        List<String> options = new ArrayList<>(List.of("rbind", "rprivate"));
        if (volume.readOnly()) {
            options.add("ro");
            if (recursiveReadOnly) {
                options.add("rro");
            }
        }
        return options;
    }

    /** The running kernel's release (6.8.0-45-generic) against major.minor. */
    static boolean kernelAtLeast(String version) {
        try {
            return compareVersions(Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip(), version) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    static int compareVersions(String release, String wanted) {
        String[] have = release.split("[^0-9]+", 3);
        String[] want = wanted.split("\\.");
        for (int i = 0; i < want.length; i++) {
            int a = i < have.length && !have[i].isEmpty() ? Integer.parseInt(have[i]) : 0;
            int b = Integer.parseInt(want[i]);
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }
}
