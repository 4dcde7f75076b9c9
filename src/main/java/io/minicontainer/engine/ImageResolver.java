package io.minicontainer.engine;

import java.util.Optional;

/** Finds the image a run names, pulling it when missing, as {@code docker run} does. */
interface ImageResolver {
    RootFilesystem forRun(String image, Optional<String> platform);
}
