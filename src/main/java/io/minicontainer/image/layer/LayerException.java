package io.minicontainer.image.layer;

import java.io.IOException;

/** A layer entry that was refused or could not be written; the message names the entry and what is wrong. */
public final class LayerException extends IOException {
    public LayerException(String entry, String problem) {
        super("layer entry \"" + entry + "\": " + problem);
    }
}
