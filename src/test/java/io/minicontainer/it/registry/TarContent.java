package io.minicontainer.it.registry;

import java.io.IOException;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes a layer's entries; the stream is set up for PAX long names and big numbers. */
@FunctionalInterface
public interface TarContent {
    void writeTo(TarArchiveOutputStream tar) throws IOException;
}
