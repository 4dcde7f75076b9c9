package io.minicontainer.cli;

import io.minicontainer.engine.ImageService;
import io.minicontainer.image.ImageReference;
import io.minicontainer.image.PullProgress;
import io.minicontainer.image.store.ImageRecord;
import java.util.List;
import java.util.Optional;

/** {@code minicontainer pull IMAGE}: docker's output, then the fully qualified reference. */
final class PullCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.value("platform", Flag.NO_SHORTHAND, "OS/ARCH[/VARIANT]", "Pull this platform instead of the host's"),
            Flag.bool("quiet", 'q', "Print only the image's reference"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "pull"; }
    public String summary() { return "Download an image from a registry"; }
    public String usage() { return "pull [OPTIONS] NAME[:TAG|@DIGEST]"; }
    public List<Flag> flags() { return FLAGS; }

    public int run(ParsedArgs args, Context context) {
        if (args.positional().size() != 1) {
            throw new CliException("\"pull\" requires exactly 1 argument");
        }
        String name = args.positional().getFirst();
        PullProgress progress = args.bool("quiet") ? PullProgress.quiet()
                : PullProgressPrinter.forStream(context.out(), Terminal.isInteractive());
        ImageService images = new ImageService(context.layout(), context.env(), progress);
        ImageReference reference = ImageService.reference(name);
        Optional<ImageRecord> before = images.find(name);
        ImageRecord image = images.pull(name, args.value("platform"));
        boolean unchanged = before.map(ImageRecord::id).filter(image.id()::equals).isPresent();
        if (!args.bool("quiet")) {
            context.out().println("Status: " + (unchanged ? "Image is up to date for " : "Downloaded newer image for ")
                    + reference.familiar());
        }
        context.out().println(reference);
        return 0;
    }
}
