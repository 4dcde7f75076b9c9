package io.minicontainer.image.layer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A tar reader that also gives each entry's xattrs as the bytes the PAX header holds.
 *
 * <p>commons-compress decodes PAX values as UTF-8, which mangles binary values such as
 * {@code security.capability} (cap_setuid is the byte 0x80). It reads the PAX header through
 * this stream's {@link #read(byte[], int, int)}, so the raw bytes are recorded there and parsed
 * again here.
 */
final class LayerTarInputStream extends TarArchiveInputStream {
    static final String XATTR_KEY_PREFIX = "SCHILY.xattr.";

    private final ByteArrayOutputStream paxHeader = new ByteArrayOutputStream();

    LayerTarInputStream(InputStream tar) {
        super(tar, StandardCharsets.UTF_8.name());
    }

    /** The next entry with its PAX headers applied, or null at the end of the archive. */
    TarArchiveEntry nextEntry() throws IOException {
        paxHeader.reset();
        return getNextEntry();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = super.read(buffer, offset, length);
        TarArchiveEntry current = getCurrentEntry();
        if (count > 0 && current != null && current.isPaxHeader()) {
            paxHeader.write(buffer, offset, count);
        }
        return count;
    }

    /** The entry's xattrs by name; binary values byte for byte when its own PAX header set them. */
    Map<String, byte[]> xattrs(TarArchiveEntry entry) {
        Map<String, String> extra = entry.getExtraPaxHeaders();
        if (extra.isEmpty()) {
            return Map.of();
        }
        Map<String, byte[]> raw = rawXattrRecords();
        Map<String, byte[]> xattrs = new HashMap<>();
        extra.forEach((key, value) -> {
            if (key.startsWith(XATTR_KEY_PREFIX)) {
                byte[] bytes = raw.getOrDefault(key, value.getBytes(StandardCharsets.UTF_8));
                xattrs.put(key.substring(XATTR_KEY_PREFIX.length()), bytes);
            }
        });
        return xattrs;
    }

    /** Parses the recorded "LENGTH KEY=VALUE\n" records; commons-compress has already refused malformed ones. */
    private Map<String, byte[]> rawXattrRecords() {
        byte[] records = paxHeader.toByteArray();
        Map<String, byte[]> values = new HashMap<>();
        int start = 0;
        while (start < records.length) {
            int space = indexOf(records, (byte) ' ', start, records.length);
            if (space < 0) {
                break;
            }
            int length = Integer.parseInt(new String(records, start, space - start, StandardCharsets.US_ASCII));
            int end = start + length; // one past the record's newline
            int equals = indexOf(records, (byte) '=', space + 1, end);
            if (length <= 0 || end > records.length || equals < 0) {
                break;
            }
            String key = new String(records, space + 1, equals - space - 1, StandardCharsets.UTF_8);
            if (key.startsWith(XATTR_KEY_PREFIX)) {
                values.put(key, Arrays.copyOfRange(records, equals + 1, end - 1));
            }
            start = end;
        }
        return values;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
