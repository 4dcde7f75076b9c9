package io.minicontainer.image.store;

import io.minicontainer.image.ImageReference;
import io.minicontainer.oci.Digest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The image records of images.json in memory, with docker's rules for names: a tag names one image
 * and moves when given to another; lookups by reference, repo digest, id or id prefix. References
 * are kept fully qualified ({@code docker.io/library/busybox:latest}) so equal names compare equal.
 */
final class ImageTable {
    private static final Pattern FULL_ID = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ID_PREFIX = Pattern.compile("[0-9a-f]{1,63}");

    private final Map<Digest, ImageRecord> images = new LinkedHashMap<>();

    ImageTable(List<ImageRecord> records) {
        records.forEach(record -> images.put(record.id(), record));
    }

    List<ImageRecord> records() {
        return List.copyOf(images.values());
    }

    Optional<ImageRecord> get(Digest id) {
        return Optional.ofNullable(images.get(id));
    }

    /**
     * Adds the image, or merges its names into the record it already has (the rest of the new record
     * wins); {@code taggedAs} (may be null) adds its tag and its digest. Tags are taken from other images.
     */
    void add(ImageRecord record, ImageReference taggedAs) {
        ImageRecord old = images.get(record.id());
        Set<String> tags = new LinkedHashSet<>();
        Set<String> digests = new LinkedHashSet<>();
        if (old != null) {
            tags.addAll(old.repoTags());
            digests.addAll(old.repoDigests());
        }
        record.repoTags().forEach(tag -> tags.add(tagName(ImageReference.parse(tag))));
        record.repoDigests().forEach(digest -> digests.add(digestName(ImageReference.parse(digest))));
        if (taggedAs != null && !taggedAs.tag().isEmpty()) {
            tags.add(tagName(taggedAs));
        }
        if (taggedAs != null && taggedAs.digest() != null) {
            digests.add(digestName(taggedAs));
        }
        images.put(record.id(), record.withRepoTags(List.copyOf(tags)).withRepoDigests(List.copyOf(digests)));
        tags.forEach(tag -> takeTagFromOthers(tag, record.id()));
    }

    /** Gives {@code reference}'s tag to image {@code id}, taking it from the image that had it. */
    void tag(Digest id, ImageReference reference) {
        if (reference.digest() != null || reference.tag().isEmpty()) {
            throw new ImageStoreException("cannot tag with a digest reference: " + reference.familiar());
        }
        ImageRecord image = get(id).orElseThrow(() -> noSuchImage(id.toString()));
        String tag = tagName(reference);
        if (!image.repoTags().contains(tag)) {
            images.put(id, image.withRepoTags(append(image.repoTags(), tag)));
        }
        takeTagFromOthers(tag, id);
    }

    /**
     * Removes one name, as {@code docker rmi NAME} does: a tag, or a digest reference. When the last tag
     * of a repository goes, that repository's digest references go with it. Returns the image, whose
     * {@link ImageRecord#isUnreferenced()} tells whether anything still names it.
     */
    ImageRecord untag(ImageReference reference) {
        boolean byDigest = reference.digest() != null;
        String name = byDigest ? digestName(reference) : tagName(reference);
        ImageRecord image = images.values().stream()
                .filter(record -> (byDigest ? record.repoDigests() : record.repoTags()).contains(name))
                .findFirst().orElseThrow(() -> noSuchImage(reference.familiar()));
        ImageRecord untagged = byDigest ? image.withRepoDigests(without(image.repoDigests(), name))
                : image.withRepoTags(without(image.repoTags(), name));
        String repository = repositoryOf(name);
        if (!byDigest && untagged.repoTags().stream().noneMatch(tag -> repositoryOf(tag).equals(repository))) {
            untagged = untagged.withRepoDigests(untagged.repoDigests().stream()
                    .filter(digest -> !repositoryOf(digest).equals(repository)).toList());
        }
        images.put(image.id(), untagged);
        return untagged;
    }

    boolean remove(Digest id) {
        return images.remove(id) != null;
    }

    /**
     * Resolves what a user typed, in docker's order: a full id ({@code sha256:<64 hex>} or 64 hex), a
     * reference ({@code busybox}, {@code busybox:1.36}, {@code docker.io/library/busybox:latest},
     * {@code busybox@sha256:...}), then an id prefix of at least one hex digit, which must be unambiguous.
     */
    Optional<ImageRecord> find(String text) {
        String hex = text.startsWith("sha256:") ? text.substring("sha256:".length()) : text;
        if (FULL_ID.matcher(hex).matches()) {
            return get(new Digest(hex));
        }
        Optional<ImageRecord> named = findByReference(parse(text));
        if (named.isPresent() || !ID_PREFIX.matcher(hex).matches()) {
            return named;
        }
        List<ImageRecord> matches = images.values().stream().filter(image -> image.id().hex().startsWith(hex)).toList();
        if (matches.size() > 1) {
            throw new ImageStoreException("ambiguous image id prefix \"" + text + "\": " + matches.size() + " images match");
        }
        return matches.stream().findFirst();
    }

    private Optional<ImageRecord> findByReference(ImageReference reference) {
        if (reference.digest() != null) {
            String name = digestName(reference);
            return images.values().stream().filter(image -> image.repoDigests().contains(name)).findFirst();
        }
        String name = tagName(reference);
        return images.values().stream().filter(image -> image.repoTags().contains(name)).findFirst();
    }

    private void takeTagFromOthers(String tag, Digest newOwner) {
        for (ImageRecord image : List.copyOf(images.values())) {
            if (!image.id().equals(newOwner) && image.repoTags().contains(tag)) {
                images.put(image.id(), image.withRepoTags(without(image.repoTags(), tag)));
            }
        }
    }

    private static ImageReference parse(String text) {
        try {
            return ImageReference.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ImageStoreException(e.getMessage());
        }
    }

    private static String tagName(ImageReference reference) {
        return reference.registry() + "/" + reference.repository() + ":" + reference.tag();
    }

    private static String digestName(ImageReference reference) {
        return reference.registry() + "/" + reference.repository() + "@" + reference.digest();
    }

    private static String repositoryOf(String name) {
        ImageReference reference = ImageReference.parse(name);
        return reference.registry() + "/" + reference.repository();
    }

    private static List<String> append(List<String> list, String item) {
        List<String> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    private static List<String> without(List<String> list, String item) {
        return list.stream().filter(element -> !element.equals(item)).toList();
    }

    static ImageStoreException noSuchImage(String name) {
        return new ImageStoreException("no such image: " + name);
    }
}
