package io.minicontainer.engine.volume;

import io.minicontainer.engine.ContainerLayout;
import io.minicontainer.engine.EngineException;
import io.minicontainer.image.store.Trees;
import io.minicontainer.oci.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * docker's local volumes: ROOT/volumes/NAME/_data holds the data, ROOT/volumes/NAME/volume.json
 * what {@code volume inspect} shows. A volume appears and disappears with one rename(2), so other
 * CLIs see it whole or not at all, and two that create the same name at once both succeed.
 */
public final class VolumeStore {
    private static final String DATA = "_data";
    private static final String METADATA = "volume.json";

    private final Path dir;
    private final Path containersDir;

    public VolumeStore(ContainerLayout layout) {
        this.dir = layout.root().resolve("volumes");
        this.containersDir = layout.containersDir();
    }

    /** A volume, and whether this call created it. */
    public record Created(Volume volume, boolean isNew) {}

    /** What {@code volume prune} removed, and the bytes that freed. */
    public record Pruned(List<String> names, long bytes) {}

    public Path dataDir(String name) {
        return dir.resolve(name).resolve(DATA);
    }

    /** Creates the volume unless it exists; an existing one is returned as it is, as docker does. */
    public Created create(String name, Map<String, String> labels) {
        VolumeNames.validate(name);
        Optional<Volume> existing = find(name);
        if (existing.isPresent()) {
            return new Created(existing.get(), false);
        }
        Volume volume = new Volume(name, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), labels, Map.of(),
                dataDir(name));
        Path staged = null;
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            staged = Files.createTempDirectory(dir, ".new-");
            Files.createDirectory(staged.resolve(DATA));
            Files.setPosixFilePermissions(staged.resolve(DATA), PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(staged.resolve(METADATA), volume.toJson());
            Files.move(staged, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            return new Created(volume, true);
        } catch (IOException e) {
            deleteQuietly(staged);
            // rename(2) fails when the name exists: another CLI created it in the meantime
            return find(name).map(other -> new Created(other, false))
                    .orElseThrow(() -> new UncheckedIOException("create volume " + name + ": " + e.getMessage(), e));
        }
    }

    /** A new volume with a random name and docker's anonymous label. */
    public Volume createAnonymous() {
        return create(VolumeNames.random(), Map.of(Volume.ANONYMOUS_LABEL, "")).volume();
    }

    public Optional<Volume> find(String name) {
        if (!VolumeNames.isValid(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Volume.fromJson(Files.readString(dir.resolve(name).resolve(METADATA)), name, dataDir(name)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("read volume " + name + ": " + e.getMessage(), e);
        }
    }

    /** Every volume, by name. */
    public List<Volume> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().map(this::find)
                    .flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("list volumes: " + e.getMessage(), e);
        }
    }

    /** Volume name → the containers on record (running or not) that mount it. */
    public Map<String, List<String>> users() {
        return VolumesInUse.byVolume(containersDir, this::nameOf);
    }

    /** The volume whose data directory {@code source} is, if it is one. */
    public Optional<String> nameOf(String source) {
        Path path = Path.of(source).normalize();
        Path volume = path.getParent();
        boolean isData = volume != null && path.getFileName().toString().equals(DATA) && dir.equals(volume.getParent());
        return isData ? Optional.of(volume.getFileName().toString()) : Optional.empty();
    }

    /** docker's {@code volume rm}: a volume any container uses stays; {@code force} only ignores missing ones. */
    public void remove(String name, boolean force) {
        if (find(name).isEmpty()) {
            if (force) {
                return;
            }
            throw new EngineException("get " + name + ": no such volume");
        }
        List<String> users = users().getOrDefault(name, List.of());
        if (!users.isEmpty()) {
            throw new EngineException("remove " + name + ": volume is in use - [" + String.join(", ", users) + "]");
        }
        delete(name);
    }

    /** Unused volumes: only anonymous ones unless {@code all} (docker 23+). */
    public Pruned prune(boolean all) {
        Map<String, List<String>> users = users();
        List<String> removed = new ArrayList<>();
        long bytes = 0;
        for (Volume volume : list()) {
            if (!users.containsKey(volume.name()) && (all || volume.anonymous())) {
                bytes += size(volume.name());
                delete(volume.name());
                removed.add(volume.name());
            }
        }
        return new Pruned(removed, bytes);
    }

    /**
     * What {@code rm -v} does: removes the anonymous volumes among a removed container's mounts that no
     * other container uses. Call it once the container's directory is gone, so it no longer counts as a user.
     */
    public List<String> removeAnonymous(List<Spec.Mount> mounts) {
        Map<String, List<String>> users = users();
        List<String> removed = new ArrayList<>();
        for (Spec.Mount mount : mounts) {
            nameOf(mount.source()).flatMap(this::find).filter(Volume::anonymous)
                    .filter(volume -> !users.containsKey(volume.name()) && !removed.contains(volume.name()))
                    .ifPresent(volume -> {
                        delete(volume.name());
                        removed.add(volume.name());
                    });
        }
        return removed;
    }

    /** Bytes in the volume's files (links and special files count their own size), as prune reports them. */
    public long size(String name) {
        return Trees.size(dataDir(name));
    }

    /** Renamed away first, so a half-deleted volume is never seen under its name. */
    private void delete(String name) {
        Path doomed = dir.resolve(".removing-" + name + "-" + VolumeNames.random().substring(0, 12));
        try {
            Files.move(dir.resolve(name), doomed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return; // another CLI removed it
        } catch (IOException e) {
            throw new UncheckedIOException("remove volume " + name + ": " + e.getMessage(), e);
        }
        try {
            Trees.deleteRecursively(doomed);
        } catch (IOException e) {
            throw new UncheckedIOException("remove volume " + name + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            if (path != null) {
                Trees.deleteRecursively(path);
            }
        } catch (IOException e) {
            // a stray .new- directory is never listed: it is not a valid name
        }
    }
}
