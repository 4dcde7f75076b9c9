package io.minicontainer.engine.mount;

import java.nio.file.Path;
import java.util.Optional;

/** docker's checks of mount paths, and the wording of its errors about them. */
final class MountPaths {
    private MountPaths() {}

    /** What is wrong with a container path, in docker's words, if anything. */
    static Optional<String> targetProblem(String target) {
        if (!target.startsWith("/")) {
            return Optional.of(notAbsolute(target));
        }
        if (clean(target).equals("/")) {
            return Optional.of("invalid specification: destination can't be '/'");
        }
        return Optional.empty();
    }

    static String notAbsolute(String path) {
        return "invalid mount path: '" + path + "' mount path must be absolute";
    }

    /** Go's path.Clean for an absolute path: no '.', '..', double or trailing slashes. */
    static String clean(String absolute) {
        return Path.of(absolute).normalize().toString();
    }

    /** docker resolves a host path that starts with '.' against the working directory; the rest stays as typed. */
    static String resolveDotted(String source, Path cwd) {
        return source.startsWith(".") ? cwd.resolve(source).normalize().toString() : source;
    }

    /** How docker's daemon words a rule a mount breaks. */
    static String configError(String type, String problem) {
        return "invalid mount config for type \"" + type + "\": " + problem;
    }
}
