package io.minicontainer.image.archive;

import io.minicontainer.image.ImageReference;
import io.minicontainer.image.store.ImageRecord;
import io.minicontainer.oci.Digest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code docker save NAME...} writes, by docker's rules: {@code busybox:1} saves that tag;
 * a repository without a tag ({@code busybox}) saves every tag it has; an id, an id prefix or a
 * digest reference saves the image without a tag. An image named twice is saved once, with
 * all its tags, in the order the names were given.
 */
public final class SaveSelection {
    /** The store's lookup of what a user typed: a reference, an id or an id prefix. */
    @FunctionalInterface
    public interface Lookup {
        Optional<ImageRecord> find(String name) throws IOException;
    }

    private final Map<Digest, ImageRecord> images = new LinkedHashMap<>();
    private final Map<Digest, Set<ImageReference>> tags = new LinkedHashMap<>();

    private SaveSelection() {}

    /** {@code all} is every image in the store, for the repository form. */
    public static List<SavedImage> select(List<String> names, List<ImageRecord> all, Lookup lookup) throws IOException {
        SaveSelection selection = new SaveSelection();
        for (String name : names) {
            selection.add(name, all, lookup);
        }
        List<SavedImage> saved = new ArrayList<>();
        selection.images.forEach((id, image) -> saved.add(new SavedImage(image, List.copyOf(selection.tags.get(id)))));
        return saved;
    }

    private void add(String name, List<ImageRecord> all, Lookup lookup) throws IOException {
        if (isRepositoryOnly(name)) {
            ImageReference repository = ImageReference.parse(name);
            boolean found = false;
            for (ImageRecord image : all) {
                for (String repoTag : image.repoTags()) {
                    ImageReference tag = ImageReference.parse(repoTag);
                    if (sameRepository(tag, repository)) {
                        include(image, tag);
                        found = true;
                    }
                }
            }
            if (found) {
                return;
            }
        }
        ImageRecord image = lookup.find(name).orElseThrow(() -> new IOException("No such image: " + name));
        include(image, taggedName(name).orElse(null));
    }

    private void include(ImageRecord image, ImageReference tag) {
        images.putIfAbsent(image.id(), image);
        Set<ImageReference> imageTags = tags.computeIfAbsent(image.id(), id -> new LinkedHashSet<>());
        if (tag != null) {
            imageTags.add(tag);
        }
    }

    /** {@code busybox} or {@code host:5000/x}: a name without a tag, a digest, or an id's {@code sha256:}. */
    static boolean isRepositoryOnly(String name) {
        if (name.startsWith("sha256:") || name.contains("@")) {
            return false;
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            return false;
        }
        try {
            ImageReference.parse(name);
            return true;
        } catch (IllegalArgumentException notAName) {
            return false;
        }
    }

    /** The tag a name gives explicitly: {@code busybox:1} does, {@code busybox@sha256:...} and ids do not. */
    static Optional<ImageReference> taggedName(String name) {
        if (name.startsWith("sha256:") || name.contains("@") || isRepositoryOnly(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ImageReference.parse(name));
        } catch (IllegalArgumentException notAName) {
            return Optional.empty();
        }
    }

    private static boolean sameRepository(ImageReference a, ImageReference b) {
        return a.registry().equals(b.registry()) && a.repository().equals(b.repository());
    }
}
