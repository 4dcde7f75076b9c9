package io.minicontainer.engine;

import io.minicontainer.oci.ImageSpec.RunConfig;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An image's config applied to a run, as docker applies it: entrypoint and command, environment,
 * working directory and user. A pure function; the image's files come through {@code imageFile}.
 */
final class ImageRunConfig {
    private ImageRunConfig() {}

    /**
     * What the user said on the command line.
     *
     * @param command    the arguments after the image; empty to run the image's Cmd
     * @param entrypoint {@code --entrypoint}: empty clears the image's; any other text is the whole
     *                   entrypoint, one argument
     * @param env        {@code -e} and {@code --env-file} entries, already {@code K=V}
     */
    record Overrides(List<String> command, Optional<String> entrypoint, List<String> env,
            Optional<String> workdir, Optional<String> user) {
        Overrides {
            command = List.copyOf(command);
            env = List.copyOf(env);
        }

        static Overrides none() {
            return new Overrides(List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty());
        }
    }

    /** The container's process. {@code env} lacks HOSTNAME, which the caller knows. */
    record Process(List<String> args, List<String> env, String cwd, long uid, long gid, List<Long> additionalGids) {
        Process {
            args = List.copyOf(args);
            env = List.copyOf(env);
            additionalGids = List.copyOf(additionalGids);
        }

        /** With {@code --group-add}'s groups after the user's own. */
        Process withMoreGroups(List<Long> gids) {
            return new Process(args, env, cwd, uid, gid, GroupAdd.merge(additionalGids, gids));
        }
    }

    /**
     * @param imageFile the text of a file in the image's root file system ({@code /etc/passwd}),
     *                  empty when there is no such file
     */
    static Process apply(RunConfig image, Overrides overrides, Function<String, Optional<String>> imageFile) {
        List<String> args = args(image, overrides);
        String cwd = workingDirectory(image, overrides);
        String userSpec = overrides.user().orElse(Objects.requireNonNullElse(image.user(), ""));
        ContainerUser user = ContainerUser.resolve(userSpec, imageFile);
        return new Process(args, environment(image, overrides, user.home()), cwd, user.uid(), user.gid(),
                user.additionalGids());
    }

    /**
     * Entrypoint, then the user's command or else the image's Cmd. Any {@code --entrypoint}, even
     * an empty one, drops the image's Cmd: docker merges the Cmd only when the user gave no
     * entrypoint, and resets {@code [""]} to none only after that.
     */
    static List<String> args(RunConfig image, Overrides overrides) {
        List<String> args = new ArrayList<>(overrides.entrypoint()
                .map(entrypoint -> entrypoint.isEmpty() ? List.<String>of() : List.of(entrypoint))
                .orElseGet(() -> orEmpty(image.entrypoint())));
        boolean imageCmdApplies = overrides.command().isEmpty() && overrides.entrypoint().isEmpty();
        args.addAll(imageCmdApplies ? orEmpty(image.cmd()) : overrides.command());
        if (args.isEmpty()) {
            throw new EngineException("no command specified");
        }
        return args;
    }

    /**
     * The image's Env, docker's PATH when the image has none, the user's entries (replacing the
     * image's in place), and HOME from passwd unless one of them set it. Image entries without
     * '=' are dropped: they are not variables.
     */
    static List<String> environment(RunConfig image, Overrides overrides, String home) {
        EnvVars env = new EnvVars();
        image.env().stream().filter(entry -> entry.indexOf('=') > 0).forEach(env::put);
        env.putIfAbsent("PATH", DockerDefaults.PATH);
        overrides.env().forEach(env::put);
        return env.putIfAbsent("HOME", home).toList();
    }

    /** {@code -w}, else the image's WorkingDir (made absolute, as docker does), else "/"; cleaned. */
    static String workingDirectory(RunConfig image, Overrides overrides) {
        if (overrides.workdir().isPresent()) {
            String workdir = overrides.workdir().get();
            if (!workdir.startsWith("/")) {
                throw new EngineException(
                        "the working directory '" + workdir + "' is invalid, it needs to be an absolute path");
            }
            return clean(workdir);
        }
        String imageDir = Objects.requireNonNullElse(image.workingDir(), "");
        return imageDir.isEmpty() ? "/" : clean("/" + imageDir);
    }

    /** Go's filepath.Clean for an absolute path: no ".", "..", "//" or trailing "/". */
    static String clean(String absolute) {
        ArrayDeque<String> names = new ArrayDeque<>();
        for (String name : absolute.split("/")) {
            if (name.equals("..")) {
                names.pollLast(); // ".." at the root stays at the root
            } else if (!name.isEmpty() && !name.equals(".")) {
                names.addLast(name);
            }
        }
        return "/" + String.join("/", names);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
