package io.minicontainer.it.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A layer of {@code mib} files of 1 MiB each ({@code /big/chunk-0000}...), filled by a seeded
 * xorshift generator: incompressible like real binaries' worst case, the same bytes on every run,
 * and generated far faster than gzip can take them.
 */
public record BigLayer(int mib, long seed) implements TarContent {
    private static final int CHUNK = 1 << 20;

    public BigLayer {
        if (mib < 1) {
            throw new IllegalArgumentException("a big layer has at least 1 MiB: " + mib);
        }
    }

    @Override
    public void writeTo(TarArchiveOutputStream tar) throws IOException {
        tar.putArchiveEntry(entry("big/", TarConstants.LF_DIR, 0755, 0));
        tar.closeArchiveEntry();
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        long state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
        for (int i = 0; i < mib; i++) {
            chunk.clear();
            while (chunk.hasRemaining()) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                chunk.putLong(state);
            }
            tar.putArchiveEntry(entry("big/chunk-%04d".formatted(i), TarConstants.LF_NORMAL, 0644, CHUNK));
            tar.write(chunk.array());
            tar.closeArchiveEntry();
        }
    }

    private static TarArchiveEntry entry(String name, byte type, int mode, long size) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type);
        entry.setMode(mode);
        entry.setSize(size);
        entry.setUserName("");
        entry.setGroupName("");
        entry.setLastModifiedTime(java.nio.file.attribute.FileTime.from(TarBuilder.MTIME));
        return entry;
    }
}
