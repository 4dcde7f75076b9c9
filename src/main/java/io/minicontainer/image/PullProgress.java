package io.minicontainer.image;

/**
 * What a pull reports while it runs: status lines, and per layer (by the short id docker shows,
 * the first 12 hex digits of the blob digest) its state and bytes. The CLI decides how to show it.
 */
public interface PullProgress {
    void status(String line);

    void layer(String shortId, String state);

    /** Bytes of a layer downloaded so far; {@code total} is -1 when unknown. */
    void bytes(String shortId, long done, long total);

    static PullProgress quiet() {
        return new PullProgress() {
            public void status(String line) { }
            public void layer(String shortId, String state) { }
            public void bytes(String shortId, long done, long total) { }
        };
    }
}
