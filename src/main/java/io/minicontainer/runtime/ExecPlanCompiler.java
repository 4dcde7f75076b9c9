package io.minicontainer.runtime;

import io.minicontainer.oci.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Compiles the plan of {@code exec}: join every namespace of the container's running process, then
 * set up one more process like its own (capabilities, bounding set, user, environment, working
 * directory) with the caller's changes. Nothing is mounted or created: the container is ready.
 */
final class ExecPlanCompiler {
    private ExecPlanCompiler() {}

    static Plan compile(Spec spec, ExecOptions options) {
        Spec.Process process = spec.process();
        if (options.args().isEmpty()) {
            throw new SpecException("exec: no command to run");
        }
        if (options.tty() && options.detach()) { // the CLI holds the master: once it returns, the process hangs up
            throw new SpecException("exec: -d with -t is not supported (the terminal would hang up at once)");
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.Join(options.pid(), options.startTicks(), List.copyOf(PlanCompiler.namespaces(spec))));
        steps.add(new Step.RemoveOnExit(options.planFile()));
        options.cgroupProcs().forEach(file -> steps.add(new Step.CgroupProcs(file)));
        if (options.detach()) {
            steps.add(new Step.Detach(""));
        }
        if (options.tty() && options.keepStdin()) {
            steps.add(new Step.SendStdin());
        }
        steps.add(new Step.SetSid()); // keyboard signals reach the CLI, which forwards them once
        Spec.User user = options.user().orElse(process.user());
        if (options.tty()) {
            steps.add(new Step.Terminal(user.uid(), ""));
        } else if (!options.keepStdin() || options.detach()) {
            steps.add(new Step.OpenStdin("/dev/null"));
        }
        steps.addAll(PlanCompiler.rlimits(process)); // docker gives exec processes the container's limits
        ProcessSteps.add(steps, options.capabilities().orElse(process.capabilities()), user,
                options.cwd().orElse(process.cwd()), process.noNewPrivileges(), spec.linux().seccomp());
        steps.add(new Step.Exec(options.args(), environment(process.env(), options.env())));
        return new Plan("/", steps);
    }

    /** The container's variables, each replaced in place by a caller's entry of the same name; new ones last. */
    private static List<String> environment(List<String> container, List<String> added) {
        Map<String, String> vars = new LinkedHashMap<>();
        Stream.concat(container.stream(), added.stream()).forEach(entry -> {
            int eq = entry.indexOf('=');
            vars.put(eq < 0 ? entry : entry.substring(0, eq), entry);
        });
        return List.copyOf(vars.values());
    }
}
