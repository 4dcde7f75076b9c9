package io.minicontainer.image.store;

/** A request the store cannot satisfy (no such image, an ambiguous id prefix); the message is one line. */
public class ImageStoreException extends RuntimeException {
    public ImageStoreException(String message) {
        super(message);
    }
}
