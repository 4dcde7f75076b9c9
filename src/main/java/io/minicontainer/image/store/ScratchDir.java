package io.minicontainer.image.store;

import java.nio.file.Path;

/**
 * A private directory in the store's tmp/, on the store's file system: for work such as spooling an
 * archive before its content is verified. Deleted on close; if its process dies first, garbage
 * collection removes it (see {@link TempSpace}).
 */
public final class ScratchDir implements AutoCloseable {
    private final TempEntry entry;

    ScratchDir(TempEntry entry) {
        this.entry = entry;
    }

    public Path path() {
        return entry.path();
    }

    @Override
    public void close() {
        entry.close();
    }
}
