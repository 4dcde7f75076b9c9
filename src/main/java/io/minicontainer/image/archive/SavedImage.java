package io.minicontainer.image.archive;

import io.minicontainer.image.ImageReference;
import io.minicontainer.image.store.ImageRecord;
import java.util.List;

/** An image to save, and the tags to save it under (none: it is saved untagged, as by its id). */
public record SavedImage(ImageRecord image, List<ImageReference> tags) {
    public SavedImage {
        tags = List.copyOf(tags);
    }

    /** How messages name it: its first tag, else its short id. */
    String displayName() {
        return tags.isEmpty() ? image.id().shortHex() : tags.getFirst().familiar();
    }
}
