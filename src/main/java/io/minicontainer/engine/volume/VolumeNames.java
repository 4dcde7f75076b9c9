package io.minicontainer.engine.volume;

import io.minicontainer.engine.EngineException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** docker's rule for a local volume's name (it becomes a directory name), and random names for anonymous volumes. */
public final class VolumeNames {
    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

    private VolumeNames() {}

    public static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** docker's message: a relative host path given to {@code -v} ends up here too, hence the hint. */
    public static void validate(String name) {
        if (!isValid(name)) {
            throw new EngineException("create " + name + ": \"" + name + "\" includes invalid characters for a local"
                    + " volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host"
                    + " directory, use absolute path");
        }
    }

    /** 64 hex digits, as docker names anonymous volumes and {@code volume create} without a name. */
    public static String random() {
        try (FileInputStream random = new FileInputStream("/dev/urandom")) {
            return HexFormat.of().formatHex(random.readNBytes(32));
        } catch (IOException e) {
            throw new UncheckedIOException("read /dev/urandom: " + e.getMessage(), e);
        }
    }
}
