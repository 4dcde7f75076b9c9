package io.minicontainer.engine;

import io.minicontainer.oci.ImageSpec.RunConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a container is made from: the read-only layers the overlay stacks (top first), the image's
 * run config, and a way to read the image's files (/etc/passwd) without mounting it.
 *
 * @param imageName how ps and inspect name it: the reference the user gave, or the --rootfs directory
 * @param imageId   the image id (config digest), empty for a --rootfs directory
 */
record RootFilesystem(List<Path> layersTopFirst, RunConfig config, String imageName, String imageId,
        Function<String, Optional<String>> files) {

    RootFilesystem {
        layersTopFirst = List.copyOf(layersTopFirst);
    }

    /** A plain directory: the only layer, no image config. */
    static RootFilesystem directory(Path dir) {
        return new RootFilesystem(List.of(dir), RunConfig.empty(), dir.toString(), "",
                new LayeredFiles(List.of(dir))::read);
    }
}
