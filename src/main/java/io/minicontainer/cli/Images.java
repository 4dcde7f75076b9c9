package io.minicontainer.cli;

import io.minicontainer.engine.ImageService;
import io.minicontainer.image.ImageReference;
import io.minicontainer.image.PullProgress;

/** What several image commands share: parsing a reference for the CLI, and the service for a run. */
final class Images {
    private Images() {}

    static ImageReference reference(String name) {
        try {
            return ImageReference.parse(name);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** For run: pull progress goes to stderr, so the container's stdout stays its own. */
    static ImageService forRun(Context context) {
        return new ImageService(context.layout(), context.env(),
                PullProgressPrinter.forStream(context.err(), false));
    }

    static ImageService quiet(Context context) {
        return new ImageService(context.layout(), context.env(), PullProgress.quiet());
    }
}
