package io.minicontainer.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Everything {@code minicontainer run} was asked for, as parsed from the command line. */
public record RunRequest(
        Path rootfs,
        Optional<String> name,
        Optional<String> hostname,
        List<String> env,
        List<Path> envFiles,
        Optional<String> workdir,
        boolean interactive,
        boolean remove,
        NetworkMode network,
        boolean explain,
        List<String> command) {

    public RunRequest {
        env = List.copyOf(env);
        envFiles = List.copyOf(envFiles);
        command = List.copyOf(command);
    }

    public enum NetworkMode { NONE, HOST }
}
