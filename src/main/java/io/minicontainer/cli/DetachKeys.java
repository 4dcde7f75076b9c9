package io.minicontainer.cli;

import io.minicontainer.runtime.AttachOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * docker's {@code --detach-keys}: a comma-separated sequence of single characters and {@code ctrl-X}
 * (X one of {@code a-z @ [ \ ] ^ _}), e.g. {@code ctrl-p,ctrl-q} (the default) or {@code ctrl-a,d}.
 */
final class DetachKeys {
    /** ctrl-@ is byte 0, ctrl-a 1 ... ctrl-z 26, then ctrl-[ ctrl-\ ctrl-] ctrl-^ ctrl-_ (27-31). */
    private static final String CONTROL_KEYS = "@abcdefghijklmnopqrstuvwxyz[\\]^_";

    private DetachKeys() {}

    /** The bytes of the sequence; docker's default when none is given (or an empty one). */
    static List<Integer> parse(java.util.Optional<String> given) {
        if (given.isEmpty() || given.get().isEmpty()) {
            return AttachOptions.DEFAULT_DETACH_KEYS;
        }
        List<Integer> keys = new ArrayList<>();
        for (String key : given.get().split(",", -1)) {
            keys.add(parseKey(key, given.get()));
        }
        if (keys.size() > 16) {
            throw invalid(given.get());
        }
        return keys;
    }

    private static int parseKey(String key, String all) {
        if (key.length() == 1 && key.charAt(0) < 128) {
            return key.charAt(0);
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.startsWith("ctrl-") && lower.length() == 6 && CONTROL_KEYS.indexOf(lower.charAt(5)) >= 0) {
            return CONTROL_KEYS.indexOf(lower.charAt(5));
        }
        throw invalid(all);
    }

    private static CliException invalid(String keys) {
        return new CliException("Invalid detach keys (" + keys + ") provided");
    }
}
