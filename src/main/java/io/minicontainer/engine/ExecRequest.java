package io.minicontainer.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Everything {@code minicontainer exec} was asked for, as parsed from the command line. */
public record ExecRequest(
        String container,
        List<String> env,
        List<Path> envFiles,
        Optional<String> workdir,
        Optional<String> user,
        boolean interactive,
        boolean detach,
        List<String> command,
        boolean tty,
        boolean privileged) {

    public ExecRequest {
        env = List.copyOf(env);
        envFiles = List.copyOf(envFiles);
        command = List.copyOf(command);
    }

    /** Without a terminal, not privileged. */
    public ExecRequest(String container, List<String> env, List<Path> envFiles, Optional<String> workdir,
            Optional<String> user, boolean interactive, boolean detach, List<String> command) {
        this(container, env, envFiles, workdir, user, interactive, detach, command, false, false);
    }
}
