package io.minicontainer.cli;

import io.minicontainer.engine.ImageService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code minicontainer load [-i FILE] [-q]}: the images of an archive from docker save (any version),
 * podman save or skopeo (docker-archive or oci-archive), compressed or not.
 */
final class LoadCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.value("input", 'i', "FILE", "Read from a tar archive file, instead of STDIN"),
            Flag.bool("quiet", 'q', "Suppress the load output"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "load"; }
    public String summary() { return "Load images from a tar archive or STDIN (docker, podman, skopeo, OCI)"; }
    public String usage() { return "load [OPTIONS]"; }
    public List<Flag> flags() { return FLAGS; }

    public int run(ParsedArgs args, Context context) {
        if (!args.positional().isEmpty()) {
            throw new CliException("\"load\" accepts no arguments (the archive is given with -i, or on STDIN)");
        }
        if (args.value("input").isEmpty() && Terminal.stdinIsTerminal()) {
            throw new CliException("requested load from stdin, but stdin is empty");
        }
        // like docker, layer progress only for a person watching; the "Loaded image" lines always
        boolean showProgress = !args.bool("quiet") && Terminal.isInteractive();
        ImageService images = showProgress
                ? new ImageService(context.layout(), context.env(), PullProgressPrinter.forStream(context.out(), true))
                : Images.quiet(context);
        try (InputStream archive = open(args.value("input").orElse(null))) {
            images.load(archive).forEach(context.out()::println);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("load: " + e.getMessage(), e);
        }
    }

    private static InputStream open(String file) throws IOException {
        if (file == null) {
            return System.in;
        }
        try {
            return Files.newInputStream(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new CliException("open " + file + ": no such file or directory");
        }
    }
}
