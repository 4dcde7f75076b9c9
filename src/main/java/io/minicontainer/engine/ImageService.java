package io.minicontainer.engine;

import io.minicontainer.image.ImageReference;
import io.minicontainer.image.Importer;
import io.minicontainer.image.Platforms;
import io.minicontainer.image.PullProgress;
import io.minicontainer.image.Puller;
import io.minicontainer.image.archive.ArchiveLoader;
import io.minicontainer.image.archive.ArchiveWriter;
import io.minicontainer.image.archive.SaveSelection;
import io.minicontainer.image.archive.SavedImage;
import io.minicontainer.image.registry.CredentialStore;
import io.minicontainer.image.registry.RegistryClient;
import io.minicontainer.image.store.ImageRecord;
import io.minicontainer.image.store.ImageStore;
import io.minicontainer.image.store.ImageStoreException;
import io.minicontainer.oci.ImageJson;
import io.minicontainer.oci.ImageSpec.Config;
import io.minicontainer.oci.ImageSpec.Platform;
import io.minicontainer.sys.FileCalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The images room as the engine uses it: the store under ROOT/images, registry credentials in
 * ROOT/auth.json (0600) and ~/.docker/config.json, registries to reach over plain http from
 * $MINICONTAINER_INSECURE_REGISTRIES (comma-separated; loopback registries always are).
 */
public final class ImageService implements ImageResolver {
    /** Set by the launcher script: its own path, to start a `pull` with the right JVM flags. */
    public static final String LAUNCHER_PROPERTY = "minicontainer.launcher";

    private final ContainerLayout layout;
    private final Path storeRoot;
    private ImageStore store; // opened on first use: a run from --rootfs never touches ROOT/images
    private final CredentialStore credentials;
    private final Set<String> insecure;
    private final PullProgress progress;

    public ImageService(ContainerLayout layout, Map<String, String> env, PullProgress progress) {
        this.layout = layout;
        this.storeRoot = layout.root().resolve("images");
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        this.credentials = new CredentialStore(layout.root().resolve("auth.json"), home);
        this.insecure = Arrays.stream(env.getOrDefault("MINICONTAINER_INSECURE_REGISTRIES", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        this.progress = progress;
    }

    public ImageStore store() {
        if (store == null) {
            try {
                store = new ImageStore(storeRoot);
            } catch (IOException e) {
                throw new UncheckedIOException("open image store " + storeRoot + ": " + e.getMessage(), e);
            }
        }
        return store;
    }

    public CredentialStore credentials() {
        return credentials;
    }

    public RegistryClient registry() {
        return new RegistryClient(credentials, insecure);
    }

    public ImageRecord pull(String name, Optional<String> platform) {
        ImageReference ref = reference(name);
        FileCalls.prepareInBackground();
        try (RegistryClient registry = registry()) {
            return new Puller(registry, store(), progress).pull(ref, platform(platform));
        } catch (IOException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    public Optional<ImageRecord> find(String name) {
        try {
            return store().find(name);
        } catch (IOException | IllegalArgumentException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    public List<ImageRecord> list() {
        try {
            return store().list();
        } catch (IOException e) {
            throw new EngineException("read image index: " + e.getMessage(), e);
        }
    }

    public Config config(ImageRecord image) {
        try {
            return ImageJson.config(store().readBlob(image.id()));
        } catch (IOException e) {
            throw new EngineException("image " + image.id().shortHex() + ": read config: " + e.getMessage(), e);
        }
    }

    /** docker run's lookup: the local image, or a pull when the name is a reference not found locally. */
    @Override
    public RootFilesystem forRun(String image, Optional<String> platform) {
        ImageRecord record = find(image).orElseGet(() -> {
            progress.status("Unable to find image '" + reference(image).familiar() + "' locally");
            return pullForRun(image, platform);
        });
        List<Path> layers = new ArrayList<>();
        for (var chainId : record.layerChainIds().reversed()) {
            layers.add(store().layerDiff(chainId));
        }
        return new RootFilesystem(layers, config(record).config(), image, record.id().toString(),
                new LayeredFiles(layers)::read);
    }

    /**
     * docker rmi: a name untags (the image goes when its last name does); an id removes the image
     * (with several names only with {@code force}). An image a container was made from stays
     * unless forced. Returns docker's report lines.
     */
    public List<String> remove(String name, boolean force, ContainerLayout layout) {
        ImageRecord image = find(name).orElseThrow(() -> new EngineException("No such image: " + name));
        String user = ImagesInUse.byImageId(layout).get(image.id().toString());
        boolean byReference = !image.id().toString().startsWith(name.startsWith("sha256:") ? name : "sha256:" + name);
        List<String> report = new ArrayList<>();
        try {
            if (byReference) {
                ImageReference ref = reference(name);
                boolean last = image.repoTags().size() <= 1;
                if (last && user != null && !force) {
                    throw inUse(name, user, image);
                }
                store().untag(ref);
                report.add("Untagged: " + ref.familiar());
                if (!last || user != null) {
                    return report;
                }
                // its last tag: the digest references go with it, as in docker
                List<String> digests = store().find(image.id().toString()).map(ImageRecord::repoDigests).orElse(List.of());
                for (String digest : digests) {
                    store().untag(reference(digest));
                    report.add("Untagged: " + reference(digest).familiar());
                }
            } else if (user != null && !force) {
                throw inUse(name, user, image);
            } else if (user != null) {
                // forced, but a container's overlay still stacks its layers: untag only, as docker does
                for (String tag : image.repoTags()) {
                    store().untag(reference(tag));
                    report.add("Untagged: " + reference(tag).familiar());
                }
                return report;
            } else if (image.repoTags().size() > 1 && !force) {
                throw new EngineException("conflict: unable to delete " + image.id().shortHex()
                        + " (must be forced) - image is referenced in multiple repositories");
            } else {
                image.repoTags().forEach(tag -> report.add("Untagged: " + reference(tag).familiar()));
            }
            store().removeImage(image.id());
            report.add("Deleted: " + image.id());
            store().collectGarbage();
            return report;
        } catch (IOException e) {
            throw new EngineException("remove image " + name + ": " + e.getMessage(), e);
        }
    }

    private static EngineException inUse(String name, String container, ImageRecord image) {
        return new EngineException("conflict: unable to remove repository reference \"" + name
                + "\" (must force) - container " + container.substring(0, 12) + " is using its referenced image "
                + image.id().shortHex());
    }

    public void tag(String source, String target) {
        ImageRecord image = find(source).orElseThrow(() -> new EngineException("No such image: " + source));
        try {
            store().tag(image, reference(target));
        } catch (IOException e) {
            throw new EngineException("tag " + target + ": " + e.getMessage(), e);
        }
    }

    /** docker import: {@code name} may be empty (an untagged image). */
    public ImageRecord importTarball(InputStream source, Optional<String> name) {
        ImageReference ref = name.map(ImageService::reference).orElse(null);
        FileCalls.prepareInBackground();
        try {
            return new Importer(store()).importTarball(source, ref);
        } catch (IOException e) {
            throw new EngineException("import: " + e.getMessage(), e);
        }
    }

    /**
     * docker save: the images {@code names} give (a tag, every tag of a repository, or an id) into one
     * tar that is both a docker-archive and an OCI image layout; nothing is written unless all are there.
     */
    public void save(List<String> names, OutputStream out) {
        try {
            List<SavedImage> images = SaveSelection.select(names, store().list(), store()::find);
            new ArchiveWriter(store()).write(images, out);
        } catch (IOException | IllegalArgumentException e) {
            throw new EngineException("save: " + e.getMessage(), e);
        }
    }

    /**
     * docker load: every image of a docker-archive, an OCI layout archive or both in one (gzip or zstd
     * compressed or not); a bad archive adds nothing. Returns docker's lines ("Loaded image: ...").
     */
    public List<String> load(InputStream archive) {
        try {
            return new ArchiveLoader(store(), progress).load(archive);
        } catch (IOException | ImageStoreException | IllegalArgumentException e) {
            throw new EngineException("load: " + e.getMessage(), e);
        }
    }

    /** Checks the credentials against the registry, then keeps them (ROOT/auth.json, 0600). */
    public void login(String registry, String user, String password) {
        try (RegistryClient client = registry()) {
            client.checkLogin(registry, user, password);
            credentials.login(registry, user, password);
        } catch (IOException e) {
            throw new EngineException("login to " + registry + ": " + e.getMessage(), e);
        }
    }

    public boolean logout(String registry) {
        try {
            return credentials.logout(registry);
        } catch (IOException e) {
            throw new EngineException("logout from " + registry + ": " + e.getMessage(), e);
        }
    }

    /**
     * A run runs in the interpreter, which would hash a layer at a snail's pace: when the launcher
     * is known, the pull is a `pull` process of its own, with the compiler, its progress on stderr.
     */
    private ImageRecord pullForRun(String image, Optional<String> platform) {
        String launcher = System.getProperty(LAUNCHER_PROPERTY);
        if (launcher == null) {
            return pull(image, platform);
        }
        List<String> command = new ArrayList<>(List.of(launcher, "--root", layout.root().toString(),
                "--runroot", layout.runRoot().toString(), "pull"));
        platform.ifPresent(p -> command.addAll(List.of("--platform", p)));
        command.add(image);
        try {
            Process pull = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new java.io.File("/proc/self/fd/2")))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (pull.waitFor() != 0) {
                throw new EngineException("pull " + image + " failed");
            }
        } catch (IOException e) {
            throw new EngineException("pull " + image + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("pull " + image + ": interrupted", e);
        }
        return find(image).orElseThrow(() -> new EngineException("pull " + image + ": the image did not appear"));
    }

    /** A reference as the user typed it; a bad one is a one-line error. */
    public static ImageReference reference(String name) {
        try {
            return ImageReference.parse(name);
        } catch (IllegalArgumentException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    private static Platform platform(Optional<String> text) {
        try {
            return text.map(Platforms::parse).orElseGet(Platforms::host);
        } catch (IllegalArgumentException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }
}
