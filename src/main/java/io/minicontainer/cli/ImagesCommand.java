package io.minicontainer.cli;

import io.minicontainer.engine.ImageService;
import io.minicontainer.image.ImageReference;
import io.minicontainer.image.store.ImageRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code minicontainer images}: docker's columns, one row per tag (untagged images as {@code <none>}). */
final class ImagesCommand implements Command {
    private static final List<Flag> FLAGS = List.of(
            Flag.bool("quiet", 'q', "Only show image IDs"),
            Flag.bool("digests", Flag.NO_SHORTHAND, "Show digests"),
            Flag.bool("no-trunc", Flag.NO_SHORTHAND, "Don't truncate output"),
            Flag.bool("help", Flag.NO_SHORTHAND, "Print usage"));

    public String name() { return "images"; }
    public String summary() { return "List images"; }
    public String usage() { return "images [OPTIONS] [REPOSITORY[:TAG]]"; }
    public List<Flag> flags() { return FLAGS; }

    public int run(ParsedArgs args, Context context) {
        List<ImageRecord> images = Images.quiet(context).list();
        String filter = args.positional().isEmpty() ? null : args.positional().getFirst();
        if (args.bool("quiet")) {
            Set<String> ids = new LinkedHashSet<>();
            rows(images, filter).forEach(row -> ids.add(id(row.image(), args.bool("no-trunc"))));
            ids.forEach(context.out()::println);
            return 0;
        }
        Table table = new Table(args.bool("digests")
                ? List.of("REPOSITORY", "TAG", "DIGEST", "IMAGE ID", "CREATED", "SIZE")
                : List.of("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"));
        for (Row row : rows(images, filter)) {
            List<String> cells = new ArrayList<>(List.of(row.repository(), row.tag()));
            if (args.bool("digests")) {
                cells.add(row.digest());
            }
            cells.addAll(List.of(id(row.image(), args.bool("no-trunc")), created(row.image().created()),
                    HumanUnits.size(row.image().size())));
            table.add(cells);
        }
        context.out().print(table);
        return 0;
    }

    private record Row(String repository, String tag, String digest, ImageRecord image) {}

    /** Newest first, like docker; an image with several tags is listed once per tag. */
    private static List<Row> rows(List<ImageRecord> images, String filter) {
        List<Row> rows = new ArrayList<>();
        for (ImageRecord image : images.reversed()) {
            String digest = image.repoDigests().isEmpty() ? "<none>"
                    : image.repoDigests().getFirst().substring(image.repoDigests().getFirst().indexOf('@') + 1);
            if (image.repoTags().isEmpty() && filter == null) {
                rows.add(new Row("<none>", "<none>", digest, image));
            }
            for (String tag : image.repoTags()) {
                ImageReference ref = ImageReference.parse(tag);
                if (filter == null || matches(ref, filter)) {
                    rows.add(new Row(ref.familiarName(), ref.tag(), digest, image));
                }
            }
        }
        return rows;
    }

    private static boolean matches(ImageReference ref, String filter) {
        ImageReference wanted = ImageService.reference(filter);
        return wanted.familiarName().equals(ref.familiarName()) && (!filter.contains(":") || wanted.tag().equals(ref.tag()));
    }

    private static String id(ImageRecord image, boolean full) {
        return full ? image.id().toString() : image.id().shortHex();
    }

    private static String created(String rfc3339) {
        try {
            return HumanUnits.duration(Duration.between(Instant.parse(rfc3339), Instant.now())) + " ago";
        } catch (DateTimeParseException e) {
            return "N/A";
        }
    }
}
