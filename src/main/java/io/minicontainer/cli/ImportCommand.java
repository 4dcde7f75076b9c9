package io.minicontainer.cli;

import io.minicontainer.engine.ImageService;
import io.minicontainer.image.store.ImageRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code minicontainer import FILE|- [NAME[:TAG]]}: a root file system tarball becomes an image. */
final class ImportCommand implements Command {
    public String name() { return "import"; }
    public String summary() { return "Import a root file system tarball (gzip, zstd or none) as an image"; }
    public String usage() { return "import FILE|- [REPOSITORY[:TAG]]"; }
    public List<Flag> flags() { return List.of(Flag.bool("help", Flag.NO_SHORTHAND, "Print usage")); }

    public int run(ParsedArgs args, Context context) {
        List<String> positional = args.positional();
        if (positional.isEmpty() || positional.size() > 2) {
            throw new CliException("\"import\" requires 1 or 2 arguments");
        }
        Optional<String> name = positional.size() == 2 ? Optional.of(positional.get(1)) : Optional.empty();
        name.ifPresent(ImageService::reference); // a bad name fails before anything is read
        try (InputStream source = open(positional.getFirst())) {
            ImageRecord image = Images.quiet(context).importTarball(source, name);
            context.out().println(image.id());
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("import " + positional.getFirst() + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String file) throws IOException {
        if (file.equals("-")) {
            return System.in;
        }
        try {
            return Files.newInputStream(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new CliException("open " + file + ": no such file or directory");
        }
    }
}
