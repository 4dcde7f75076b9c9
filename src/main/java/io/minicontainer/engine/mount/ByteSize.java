package io.minicontainer.engine.mount;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docker's memory sizes (go-units RAMInBytes): 64m, 64MB, 64MiB, 1.5g, 512 k; binary multiples. */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?");
    private static final Map<Character, Long> MULTIPLIERS = Map.of(
            'k', 1L << 10, 'm', 1L << 20, 'g', 1L << 30, 't', 1L << 40, 'p', 1L << 50);

    private ByteSize() {}

    public static Optional<Long> parse(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        double number;
        try {
            number = Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            return Optional.empty(); // 1.2.3 passes the pattern, as in docker, but is no number
        }
        long multiplier = m.group(2) == null ? 1 : MULTIPLIERS.get(m.group(2).toLowerCase(Locale.ROOT).charAt(0));
        return Optional.of((long) (number * multiplier));
    }

    /** The kernel's form: the largest of g, m, k that divides the size, or plain bytes (docker's tmpfs-size). */
    static String kernelForm(long bytes) {
        String suffixes = "gmk";
        for (int i = 0; i < suffixes.length(); i++) {
            long unit = MULTIPLIERS.get(suffixes.charAt(i));
            if (bytes != 0 && bytes % unit == 0) {
                return bytes / unit + suffixes.substring(i, i + 1);
            }
        }
        return Long.toString(bytes);
    }
}
