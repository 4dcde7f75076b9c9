package io.minicontainer.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits an overlay mount's options into the kernel's one-page limit. With many image layers the
 * absolute lowerdir paths overflow it; overlayfs resolves relative paths against the mounting
 * process's working directory, so the layers' common parent becomes the cwd and each layer is
 * named relative to it.
 */
record OverlayData(String workingDirectory, String data) {
    /** mount(2) copies at most one page of options, NUL included. */
    static final int LIMIT = 4095;
    private static final String LOWER = "lowerdir=";

    static OverlayData fit(String data) {
        if (data.length() <= LIMIT) {
            return new OverlayData("", data);
        }
        List<String> options = new ArrayList<>(List.of(data.split(",")));
        int lowerIndex = indexOfLower(options);
        if (lowerIndex < 0) {
            throw tooLong(data.length());
        }
        List<String> layers = List.of(options.get(lowerIndex).substring(LOWER.length()).split(":"));
        String parent = commonParent(layers);
        options.set(lowerIndex, LOWER + String.join(":", layers.stream()
                .map(layer -> layer.substring(parent.length() + 1)).toList()));
        String shortened = String.join(",", options);
        if (shortened.length() > LIMIT) {
            throw tooLong(shortened.length());
        }
        return new OverlayData(parent, shortened);
    }

    private static int indexOfLower(List<String> options) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).startsWith(LOWER)) {
                return i;
            }
        }
        return -1;
    }

    /** The deepest directory that holds every layer ("/" at worst, which shortens nothing). */
    private static String commonParent(List<String> paths) {
        String parent = paths.getFirst().substring(0, Math.max(0, paths.getFirst().lastIndexOf('/')));
        while (!parent.isEmpty()) {
            String prefix = parent + "/";
            if (paths.stream().allMatch(path -> path.startsWith(prefix))) {
                return parent;
            }
            parent = parent.substring(0, parent.lastIndexOf('/'));
        }
        throw tooLong(String.join(":", paths).length());
    }

    private static SpecException tooLong(int length) {
        return new SpecException("mounts: overlay options of " + length
                + " bytes do not fit in one mount (" + LIMIT + "): too many layers");
    }
}
