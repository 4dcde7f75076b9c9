package io.minicontainer.engine;

import io.minicontainer.oci.Spec;
import io.minicontainer.oci.SpecJson;
import io.minicontainer.runtime.ExecOptions;
import io.minicontainer.runtime.Launcher;
import io.minicontainer.runtime.Plan;
import io.minicontainer.state.Container;
import io.minicontainer.state.ContainerStore;
import io.minicontainer.state.ProcessIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code exec}: one more process in a running container, set up like its own from its config.json,
 * with the caller's environment, working directory and user. The helper joins the container's
 * namespaces in this very process (the JVM is replaced), so the exit code is the new process's.
 */
final class ContainerExec {
    private final ContainerStore containers;
    private final Launcher launcher;
    private final Map<String, String> callerEnv;
    private final Function<Container, List<String>> cgroupProcs;

    /** @param cgroupProcs the cgroup.procs files of a container's cgroup, which the new process enters first */
    ContainerExec(ContainerStore containers, Launcher launcher, Map<String, String> callerEnv,
            Function<Container, List<String>> cgroupProcs) {
        this.cgroupProcs = cgroupProcs;
        this.containers = containers;
        this.launcher = launcher;
        this.callerEnv = callerEnv;
    }

    void exec(ExecRequest request) {
        if (request.command().isEmpty()) {
            throw new EngineException("no exec command specified");
        }
        request.workdir().filter(w -> !w.startsWith("/")).ifPresent(w -> {
            throw new EngineException("the working directory '" + w + "' is invalid, it needs to be an absolute path");
        });
        List<String> env = userEnvironment(request);
        Container container = containers.find(request.container());
        ProcessIdentity process = container.process().orElseThrow(() -> notRunning(container));
        Spec spec = readSpec(container.config());
        Optional<ContainerUser> user = request.user().map(u -> withGroupAdd(ContainerUser.resolve(u,
                file -> readInside(process, file)), spec, process));
        if (user.isPresent() && env.stream().noneMatch(e -> e.startsWith("HOME="))) {
            env.add("HOME=" + user.get().home()); // as runc: the user's own home unless one is given
        }
        if (!process.alive()) { // what was read through /proc/PID/root must have been this container's
            throw notRunning(container);
        }
        Path planFile = container.dir().resolve("exec-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
                + ".plan");
        Plan plan = launcher.compileExec(spec, new ExecOptions(process.pid(), process.startTicks(), request.command(), env,
                request.workdir(), user.map(u -> new Spec.User(u.uid(), u.gid(), u.additionalGids())),
                request.interactive(), request.detach(), planFile.toString(), cgroupProcs.apply(container), request.tty(),
                request.privileged() ? Optional.of(allCapabilities()) : Optional.empty()));
        try {
            launcher.execIn(plan, planFile);
        } catch (RuntimeException e) {
            deleteQuietly(planFile);
            throw e;
        }
    }

    /** exec --privileged, as docker: every capability there is in the bounding, effective and permitted sets. */
    private static Spec.Capabilities allCapabilities() {
        List<String> all = CapabilityFlags.available();
        return new Spec.Capabilities(all, all, all, List.of(), List.of());
    }

    /** docker gives an exec --user the container's --group-add groups too, resolved in the container now. */
    private static ContainerUser withGroupAdd(ContainerUser user, Spec spec, ProcessIdentity process) {
        List<Long> added = GroupAdd.resolve(GroupAdd.fromAnnotation(spec.annotations().get(GroupAdd.ANNOTATION)),
                file -> readInside(process, file));
        return new ContainerUser(user.uid(), user.gid(), GroupAdd.merge(user.additionalGids(), added), user.home());
    }

    private static EngineException notRunning(Container container) {
        return new EngineException("container " + container.id() + " is not running");
    }

    /** With -t the caller's TERM first (the terminal it is shown on), which -e may still replace. */
    private List<String> userEnvironment(ExecRequest request) {
        List<String> entries = new ArrayList<>();
        if (request.tty()) {
            entries.add("TERM=" + SpecFactory.terminalType(callerEnv));
        }
        request.envFiles().forEach(file -> entries.addAll(EnvVars.parseFile(file, callerEnv)));
        request.env().forEach(value -> EnvVars.parseOption(value, callerEnv).ifPresent(entries::add));
        return entries;
    }

    private static Spec readSpec(Path config) {
        try {
            return SpecJson.read(Files.readString(config));
        } catch (IOException e) {
            throw new UncheckedIOException("read " + config + ": " + e.getMessage(), e);
        }
    }

    /**
     * A text file as the container sees it (its overlay, its mounts). Through /proc/PID/root an
     * absolute symlink in the container resolves on the host: fine for reading passwd and group.
     */
    private static Optional<String> readInside(ProcessIdentity process, String absolutePath) {
        Path file = Path.of("/proc/" + process.pid() + "/root" + absolutePath);
        if (!Files.isRegularFile(file)) {
            return Optional.empty(); // a FIFO there would block us forever
        }
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the helper never ran: a stale plan file harms nothing
        }
    }
}
