package io.minicontainer.cli;

import io.minicontainer.engine.ImageService;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code minicontainer save [-o FILE] IMAGE...}: one tar that docker, podman and skopeo load, as a
 * docker-archive and as an OCI layout. A file appears only complete (written beside it, then
 * renamed, as docker's CLI does); without -o the archive goes to standard output, never a terminal.
 */
final class SaveCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.value("output", 'o', "FILE", "Write to a file, instead of STDOUT"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "save"; }
    public String summary() { return "Save one or more images to a tar archive (streamed to STDOUT by default)"; }
    public String usage() { return "save [OPTIONS] IMAGE [IMAGE...]"; }
    public List<Flag> flags() { return FLAGS; }

    public int run(ParsedArgs args, Context context) {
        if (args.positional().isEmpty()) {
            throw new CliException("\"save\" requires at least 1 argument");
        }
        ImageService images = Images.quiet(context);
        if (args.value("output").isPresent()) {
            saveToFile(images, args.positional(), Path.of(args.value("output").get()));
            return 0;
        }
        if (Terminal.stdoutIsTerminal()) {
            throw new CliException("cowardly refusing to save to a terminal. Use the -o flag or redirect");
        }
        OutputStream out = new BufferedOutputStream(context.out(), 1 << 16);
        images.save(args.positional(), out);
        if (context.out().checkError()) {
            throw new CliException("save: writing to standard output failed");
        }
        return 0;
    }

    private static void saveToFile(ImageService images, List<String> names, Path file) {
        Path absolute = file.toAbsolutePath();
        Path partial;
        try {
            partial = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".partial");
        } catch (NoSuchFileException e) {
            throw new CliException("save: " + absolute.getParent() + ": no such directory");
        } catch (IOException e) {
            throw new UncheckedIOException("save: create " + file + ": " + e.getMessage(), e);
        }
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                images.save(names, out);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("save: write " + file + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // the save itself already succeeded or failed; a stray partial file is all that is left
        }
    }
}
