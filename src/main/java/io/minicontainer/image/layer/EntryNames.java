package io.minicontainer.image.layer;

import java.util.ArrayList;
import java.util.List;

/** Tar entry names as paths relative to the layer root: "" is the root itself, components are joined by "/". */
public final class EntryNames {
    private EntryNames() {}

    /**
     * Drops leading "/" and "./", empty and "." components, and resolves ".." lexically; null
     * when a ".." would climb above the layer root.
     */
    public static String normalize(String name) {
        List<String> components = new ArrayList<>();
        for (String component : name.split("/")) {
            if (component.isEmpty() || component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                if (components.isEmpty()) {
                    return null;
                }
                components.removeLast();
            } else {
                components.add(component);
            }
        }
        return String.join("/", components);
    }

    /** The directory holding {@code path}; "" for a top-level name. */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String base(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String child(String directory, String name) {
        return directory.isEmpty() ? name : directory + "/" + name;
    }
}
