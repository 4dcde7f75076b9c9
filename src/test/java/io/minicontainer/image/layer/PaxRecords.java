package io.minicontainer.image.layer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** PAX extended header records ("LENGTH KEY=VALUE\n") with raw byte values. */
final class PaxRecords {
    private PaxRecords() {}

    static byte[] of(String key, byte[] value, String otherKey, byte[] otherValue) {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        records.writeBytes(record(key, value));
        records.writeBytes(record(otherKey, otherValue));
        return records.toByteArray();
    }

    /** The length counts its own digits, so grow it until it is consistent. */
    private static byte[] record(String key, byte[] value) {
        byte[] keyBytes = (" " + key + "=").getBytes(StandardCharsets.UTF_8);
        int body = keyBytes.length + value.length + 1;
        int length = body + 1;
        while (String.valueOf(length).length() + body != length) {
            length++;
        }
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(String.valueOf(length).getBytes(StandardCharsets.US_ASCII));
        record.writeBytes(keyBytes);
        record.writeBytes(value);
        record.write('\n');
        return record.toByteArray();
    }
}
