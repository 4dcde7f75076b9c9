package io.minicontainer.cli;

import io.minicontainer.engine.ImageService;
import io.minicontainer.image.ImageReference;
import io.minicontainer.image.store.ImageRecord;
import io.minicontainer.json.Json;
import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageSpec.Config;
import io.minicontainer.oci.ImageSpec.RunConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code minicontainer image inspect|ls|rm|pull|tag|import}: docker's image management group. */
final class ImageCommand implements Command {
    private final Map<String, Command> delegates;

    ImageCommand(List<Command> commands) {
        delegates = new LinkedHashMap<>();
        for (String[] alias : new String[][] {{"ls", "images"}, {"rm", "rmi"}, {"pull", "pull"}, {"tag", "tag"},
                {"import", "import"}, {"load", "load"}, {"save", "save"}}) {
            commands.stream().filter(c -> c.name().equals(alias[1])).findFirst()
                    .ifPresent(c -> delegates.put(alias[0], c));
        }
    }

    public String name() { return "image"; }
    public String summary() { return "Manage images (inspect, ls, rm, pull, tag, import, load, save)"; }
    public String usage() { return "image inspect IMAGE [IMAGE...]  |  image " + String.join("|", delegates.keySet()) + " ..."; }
    public List<Flag> flags() { return List.of(Flag.bool("help", Flag.NO_SHORTHAND, "Print usage")); }

    public int run(ParsedArgs args, Context context) {
        if (args.positional().isEmpty()) {
            throw new CliException("\"image\" requires a subcommand: inspect or " + String.join(", ", delegates.keySet()));
        }
        String sub = args.positional().getFirst();
        List<String> rest = args.positional().subList(1, args.positional().size());
        if (sub.equals("inspect")) {
            return new InspectCommand().run(new ArgParser(InspectCommand.FLAGS).parse(concat("--type", "image", rest)),
                    context);
        }
        Command delegate = delegates.get(sub);
        if (delegate == null) {
            throw new CliException("unknown image command \"" + sub + "\"");
        }
        ParsedArgs parsed = new ArgParser(delegate.flags(), delegate.flagsAnywhere()).parse(rest);
        if (parsed.bool("help")) {
            context.out().print(Help.command(delegate));
            return 0;
        }
        return delegate.run(parsed, context);
    }

    private static List<String> concat(String flag, String value, List<String> rest) {
        List<String> args = new ArrayList<>(List.of("--" + flag.substring(2), value));
        args.addAll(rest);
        return args;
    }

    /** The fields of docker's image inspect that MiniContainer knows. */
    static Map<String, Object> document(ImageRecord image, Config config) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Id", image.id().toString());
        json.put("RepoTags", image.repoTags().stream().map(t -> ImageReference.parse(t).familiar()).toList());
        json.put("RepoDigests", image.repoDigests().stream().map(ImageCommand::familiarDigest).toList());
        json.put("Created", config.created());
        json.put("Architecture", config.architecture());
        if (!config.variant().isEmpty()) {
            json.put("Variant", config.variant());
        }
        json.put("Os", config.os());
        json.put("Size", image.size());
        json.put("Config", runConfig(config.config()));
        json.put("RootFS", Map.of("Type", "layers", "Layers", config.diffIds().stream().map(Digest::toString).toList()));
        return json;
    }

    private static Map<String, Object> runConfig(RunConfig run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("User", run.user());
        json.put("Env", run.env());
        json.put("Entrypoint", run.entrypoint());
        json.put("Cmd", run.cmd());
        json.put("WorkingDir", run.workingDir());
        Map<String, Object> ports = new LinkedHashMap<>();
        run.exposedPorts().forEach(port -> ports.put(port, Map.of()));
        json.put("ExposedPorts", ports);
        json.put("Labels", run.labels());
        json.put("StopSignal", run.stopSignal());
        return json;
    }

    private static String familiarDigest(String repoDigest) {
        int at = repoDigest.indexOf('@');
        return ImageReference.parse(repoDigest.substring(0, at)).familiarName() + repoDigest.substring(at);
    }
}
