package io.minicontainer.cgroups;

import java.nio.file.Path;
import java.util.List;

/** Cgroup names are directory names: a container's is one segment, the parent may be a few. */
final class CgroupNames {
    private CgroupNames() {}

    static String checkName(String name) {
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..") || name.contains("\0")) {
            throw new CgroupException("invalid cgroup name \"" + name + "\"");
        }
        return name;
    }

    /** "minicontainer" or "a/b": relative, no "." or ".." segments. */
    static List<String> parentSegments(String parent) {
        List<String> segments = List.of(parent.split("/", -1));
        try {
            segments.forEach(CgroupNames::checkName);
        } catch (CgroupException e) {
            throw new CgroupException("invalid cgroup parent \"" + parent + "\"");
        }
        return segments;
    }

    /** {@code root/PARENT/name}. */
    static Path leaf(Path root, String parent, String name) {
        Path dir = root;
        for (String segment : parentSegments(parent)) {
            dir = dir.resolve(segment);
        }
        return dir.resolve(checkName(name));
    }
}
