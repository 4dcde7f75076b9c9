package io.minicontainer.it.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** umoci, the independent second opinion on what an image's layers merge into. */
public final class Umoci {
    private Umoci() {}

    /** {@code umoci unpack --image LAYOUT:TAG BUNDLE} (as root: owners, modes and xattrs kept); returns the rootfs. */
    public static Path unpack(Path layout, String tag, Path bundle) {
        ManagedProcess.run(List.of("umoci", "unpack", "--image", layout + ":" + tag, bundle.toString()),
                bundle.getParent(), Map.of(), 120);
        return bundle.resolve("rootfs");
    }
}
