package io.minicontainer.runtime;

import io.minicontainer.oci.SpecBuilder;
import io.minicontainer.runtime.Host.PathKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compiles {@link SpecBuilder} specs against a fake host where only the paths it was told about exist. */
final class Compiling {
    static final String ROOTFS = SpecBuilder.ROOTFS;
    static final String CONTAINER_DIR = "/var/lib/minicontainer/containers/c1";

    private final Map<String, PathKind> hostPaths = new HashMap<>();
    private LaunchOptions options = new LaunchOptions(false, true, List.of(), List.of(CONTAINER_DIR));

    Compiling file(String... paths) {
        for (String path : paths) {
            hostPaths.put(path, PathKind.FILE);
        }
        return this;
    }

    Compiling directory(String... paths) {
        for (String path : paths) {
            hostPaths.put(path, PathKind.DIRECTORY);
        }
        return this;
    }

    Compiling options(LaunchOptions options) {
        this.options = options;
        return this;
    }

    Plan compile(SpecBuilder spec) {
        return PlanCompiler.compile(spec.build(), options, path -> hostPaths.getOrDefault(path, PathKind.MISSING));
    }

    /** A plan for the typical spec with docker-like masks: one file, one directory, one absent; /proc/sys read-only. */
    Plan typicalPlan() {
        return typicalHost().compile(typical());
    }

    /** The host of {@link #typicalPlan}: /proc/kcore is a file, /proc/acpi and /proc/sys directories. */
    Compiling typicalHost() {
        return file("/proc/kcore").directory("/proc/acpi", "/proc/sys");
    }

    static SpecBuilder typical() {
        return SpecBuilder.spec().maskedPaths("/proc/kcore", "/proc/acpi", "/proc/asound").readonlyPaths("/proc/sys");
    }

    static String inRootfs(String path) {
        return ROOTFS + path;
    }

    static <T extends Step> List<T> steps(Plan plan, Class<T> type) {
        return plan.steps().stream().filter(type::isInstance).map(type::cast).toList();
    }

    static int indexOf(Plan plan, Step step) {
        return plan.steps().indexOf(step);
    }
}
