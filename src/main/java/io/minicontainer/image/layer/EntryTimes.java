package io.minicontainer.image.layer;

import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** The access and modification times an entry gets, with the nanoseconds a PAX header may carry. */
record EntryTimes(Instant access, Instant modification) {

    /** The header's times; without an access time (ustar has none), the modification time, as containerd does. */
    static EntryTimes of(TarArchiveEntry entry) {
        Instant modification = entry.getLastModifiedTime().toInstant();
        FileTime access = entry.getLastAccessTime();
        return new EntryTimes(access == null ? modification : access.toInstant(), modification);
    }
}
