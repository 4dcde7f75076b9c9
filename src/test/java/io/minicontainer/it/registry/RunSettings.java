package io.minicontainer.it.registry;

import java.util.List;

/**
 * The image config's run settings. A null {@code entrypoint} or {@code cmd} is left out of the
 * config, which docker treats differently from an empty list; empty strings are left out too.
 */
public record RunSettings(List<String> entrypoint, List<String> cmd, List<String> env, String workingDir,
        String user) {
    public static final String PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** Busybox's: {@code Cmd ["sh"]} and docker's PATH. */
    public static final RunSettings BUSYBOX = new RunSettings(null, List.of("sh"), List.of(PATH), "", "");

    public RunSettings {
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
        env = List.copyOf(env);
    }

    public RunSettings withEntrypoint(String... entrypoint) {
        return new RunSettings(List.of(entrypoint), cmd, env, workingDir, user);
    }

    public RunSettings withoutEntrypoint() {
        return new RunSettings(null, cmd, env, workingDir, user);
    }

    public RunSettings withCmd(String... cmd) {
        return new RunSettings(entrypoint, List.of(cmd), env, workingDir, user);
    }

    public RunSettings withoutCmd() {
        return new RunSettings(entrypoint, null, env, workingDir, user);
    }

    /** Replaces the whole environment (include {@link #PATH} when the image should have one). */
    public RunSettings withEnv(String... env) {
        return new RunSettings(entrypoint, cmd, List.of(env), workingDir, user);
    }

    public RunSettings withWorkingDir(String workingDir) {
        return new RunSettings(entrypoint, cmd, env, workingDir, user);
    }

    /** {@code user}, {@code uid}, {@code user:group} or {@code uid:gid}, as docker's USER. */
    public RunSettings withUser(String user) {
        return new RunSettings(entrypoint, cmd, env, workingDir, user);
    }
}
