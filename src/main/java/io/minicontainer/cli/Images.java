package io.minicontainer.cli;

import io.minicontainer.engine.ImageService;
import io.minicontainer.image.PullProgress;

/** The image service as commands need it: quiet, or with a run's pull progress on stderr. */
final class Images {
    private Images() {}

    /** For run: pull progress goes to stderr, so the container's stdout stays its own. */
    static ImageService forRun(Context context) {
        return new ImageService(context.layout(), context.env(),
                PullProgressPrinter.forStream(context.err(), false));
    }

    static ImageService quiet(Context context) {
        return new ImageService(context.layout(), context.env(), PullProgress.quiet());
    }
}
