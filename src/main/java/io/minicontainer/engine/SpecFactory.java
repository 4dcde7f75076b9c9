package io.minicontainer.engine;

import io.minicontainer.engine.RunRequest.NetworkMode;
import io.minicontainer.oci.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a run request into the container's OCI spec, with docker's defaults where the user said nothing. */
final class SpecFactory {
    private static final List<String> ETC_FILES = List.of("hostname", "hosts", "resolv.conf");

    private SpecFactory() {}

    static Spec forRun(RunRequest request, String id, ContainerLayout layout, String hostname, List<String> env) {
        List<String> caps = DockerDefaults.CAPABILITIES;
        Spec.Process process = new Spec.Process(false, Spec.User.root(), request.command(), env,
                request.workdir().orElse("/"), new Spec.Capabilities(caps, caps, caps, List.of(), List.of()), false);
        return new Spec(Spec.VERSION, process, new Spec.Root(layout.rootfs(id).toString(), false), hostname,
                mounts(request, id, layout), new Spec.Linux(namespaces(request.network()),
                        DockerDefaults.MASKED_PATHS, DockerDefaults.READONLY_PATHS),
                Map.of());
    }

    private static List<Spec.Mount> mounts(RunRequest request, String id, ContainerLayout layout) {
        List<Spec.Mount> mounts = new ArrayList<>();
        mounts.add(new Spec.Mount("/", "overlay", "overlay", List.of(
                "lowerdir=" + request.rootfs(), "upperdir=" + layout.upper(id), "workdir=" + layout.work(id))));
        mounts.addAll(DockerDefaults.MOUNTS);
        for (String file : ETC_FILES) {
            mounts.add(new Spec.Mount("/etc/" + file, "bind", layout.etcFile(id, file).toString(),
                    List.of("rbind", "rprivate")));
        }
        return mounts;
    }

    private static List<Spec.Namespace> namespaces(NetworkMode network) {
        List<Spec.Namespace> namespaces = new ArrayList<>(List.of(new Spec.Namespace("pid"),
                new Spec.Namespace("ipc"), new Spec.Namespace("uts"), new Spec.Namespace("mount"),
                new Spec.Namespace("cgroup")));
        if (network == NetworkMode.NONE) {
            namespaces.add(new Spec.Namespace("network"));
        }
        return namespaces;
    }
}
