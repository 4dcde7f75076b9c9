package io.minicontainer.state;

import io.minicontainer.image.store.Trees;
import io.minicontainer.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The containers on disk: ROOT/containers/ID/ (container.json, status, container.log...),
 * ROOT/names/NAME (holds the id) and ROOT/containers/.locks/ID. Whoever changes a container holds
 * its lock; readers need none, as every file is replaced whole by rename.
 */
public final class ContainerStore {
    private static final Pattern FULL_ID = Pattern.compile("[0-9a-f]{64}");
    private static final String LOCKS = ".locks";

    private final Path containersDir;
    private final Path namesDir;

    public ContainerStore(Path containersDir, Path namesDir) {
        this.containersDir = containersDir;
        this.namesDir = namesDir;
    }

    /** Every container, newest first, as docker's ps lists them. */
    public List<Container> list() {
        List<Container> containers = new ArrayList<>();
        for (String id : ids()) {
            load(id).ifPresent(containers::add);
        }
        // each key parsed once: a comparator that parsed dates would do it n log n times
        Map<Container, Instant> created = new IdentityHashMap<>();
        containers.forEach(c -> created.put(c, c.record().created()));
        containers.sort(Comparator.comparing((Container c) -> created.get(c)).reversed());
        return containers;
    }

    /** The ids of every container directory, finished or not (prune looks at the unfinished ones). */
    public List<String> ids() {
        try (Stream<Path> dirs = Files.list(containersDir)) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> FULL_ID.matcher(n).matches()).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("list " + containersDir + ": " + e.getMessage(), e);
        }
    }

    /** By full id, name, or unique id prefix, in that order, as docker resolves them. */
    public Container find(String ref) {
        if (FULL_ID.matcher(ref).matches()) {
            Optional<Container> exact = load(ref);
            if (exact.isPresent()) {
                return exact.get();
            }
        }
        Optional<Container> named = idForName(ref).flatMap(this::load);
        if (named.isPresent()) {
            return named.get();
        }
        List<String> matches = ref.isEmpty() ? List.of() : ids().stream().filter(id -> id.startsWith(ref)).toList();
        if (matches.size() > 1) {
            throw new StateException("multiple containers match the id prefix \"" + ref + "\": be more specific");
        }
        return matches.stream().findFirst().flatMap(this::load)
                .orElseThrow(() -> new StateException("no such container: " + ref));
    }

    public Optional<String> idForName(String name) {
        if (name.isEmpty() || name.contains("/") || name.startsWith(".")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(namesDir.resolve(name)).strip());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("read name " + name + ": " + e.getMessage(), e);
        }
    }

    /** The container, if its record is complete; a lost monitor is recorded as an exit on the way. */
    public Optional<Container> load(String id) {
        Path dir = containersDir.resolve(id);
        ContainerRecord record;
        try {
            record = ContainerRecord.parse(Files.readString(dir.resolve(ContainerRecord.FILE)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("read container " + id + ": " + e.getMessage(), e);
        }
        Container container = Container.of(dir, record, RuntimeStatus.read(dir));
        return Optional.of(container.lost() ? recordLoss(container) : container);
    }

    private Container recordLoss(Container container) {
        Optional<RuntimeStatus> now = RuntimeStatus.read(container.dir());
        if (now.isEmpty() || !now.equals(container.runtime())) {
            return Container.of(container.dir(), container.record(), now); // a new monitor just started
        }
        RuntimeStatus was = now.get();
        String text = "state=exited\nexit_code=" + Container.LOST_EXIT_CODE + "\noom_killed=0\nstarted_at="
                + was.startedAt().map(Instant::toString).orElse("") + "\nfinished_at=" + Instant.now() + "\n";
        try {
            writeAtomically(container.dir().resolve(RuntimeStatus.FILE), text);
        } catch (IOException e) {
            return container; // read-only view: still reported as exited
        }
        return Container.of(container.dir(), container.record(), RuntimeStatus.read(container.dir()));
    }

    public Path dir(String id) {
        return containersDir.resolve(id);
    }

    /** Writes container.json whole (the directory must exist). */
    public void writeRecord(ContainerRecord record) {
        try {
            writeAtomically(dir(record.id()).resolve(ContainerRecord.FILE), Json.writePretty(record.json()));
        } catch (IOException e) {
            throw new UncheckedIOException("write container " + record.id() + ": " + e.getMessage(), e);
        }
    }

    static void writeAtomically(Path target, String text) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Files.writeString(temp, text);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public Path nameFile(String name) {
        return namesDir.resolve(name);
    }

    public Path lockFile(String id) {
        return containersDir.resolve(LOCKS).resolve(id);
    }

    /** Exclusive, across processes, until closed. */
    public Lock lock(String id) {
        return lock(id, true).orElseThrow();
    }

    /** The lock if nobody holds it: a container being created or changed right now is left alone. */
    public Optional<Lock> tryLock(String id) {
        return lock(id, false);
    }

    /** Whether another CLI holds the container's lock right now: it is being created, started or changed. */
    public boolean busy(String id) {
        if (!Files.exists(lockFile(id))) {
            return false;
        }
        try {
            Optional<Lock> lock = tryLock(id);
            lock.ifPresent(Lock::close);
            return lock.isEmpty();
        } catch (java.nio.channels.OverlappingFileLockException heldHere) {
            return true;
        }
    }

    private Optional<Lock> lock(String id, boolean wait) {
        try {
            if (!Files.isDirectory(containersDir)) {
                Files.createDirectories(containersDir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            Files.createDirectories(containersDir.resolve(LOCKS));
            FileChannel channel = FileChannel.open(containersDir.resolve(LOCKS).resolve(id),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = wait ? channel.lock() : channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new Lock(channel));
        } catch (IOException e) {
            throw new UncheckedIOException("lock container " + id + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the container's directory, its name (if still its own) and its lock file. */
    public void remove(String id, String name) {
        try {
            if (idForName(name).filter(id::equals).isPresent()) {
                Files.deleteIfExists(namesDir.resolve(name));
            }
            Trees.deleteRecursively(dir(id));
            Files.deleteIfExists(containersDir.resolve(LOCKS).resolve(id));
        } catch (IOException e) {
            throw new UncheckedIOException("remove container " + id + ": " + e.getMessage(), e);
        }
    }

    /** Names whose container is gone (a crash between claiming the name and creating the container). */
    public List<String> danglingNames() {
        try (Stream<Path> names = Files.list(namesDir)) {
            return names.map(p -> p.getFileName().toString())
                    .filter(name -> idForName(name).map(id -> !Files.isDirectory(dir(id))).orElse(false)).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("list " + namesDir + ": " + e.getMessage(), e);
        }
    }

    /** Lock files without a container directory: their creator died before making it. Unlocked ones go. */
    @SuppressWarnings("try") // held while deleting, not used
    public void removeStaleLocks() {
        try (Stream<Path> locks = Files.list(containersDir.resolve(LOCKS))) {
            for (String id : locks.map(p -> p.getFileName().toString()).toList()) {
                if (!Files.isDirectory(dir(id))) {
                    Optional<Lock> lock = tryLock(id);
                    if (lock.isPresent()) {
                        try (Lock held = lock.get()) {
                            Files.deleteIfExists(lockFile(id));
                        }
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // no container was ever made
        } catch (IOException e) {
            throw new UncheckedIOException("list " + containersDir.resolve(LOCKS) + ": " + e.getMessage(), e);
        }
    }

    public void removeName(String name) {
        try {
            Files.deleteIfExists(namesDir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("remove name " + name + ": " + e.getMessage(), e);
        }
    }

    /** A held container lock. */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;

        Lock(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // closing releases the lock either way
            }
        }
    }
}
