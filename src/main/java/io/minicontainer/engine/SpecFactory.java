package io.minicontainer.engine;

import io.minicontainer.engine.RunRequest.NetworkMode;
import io.minicontainer.oci.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a run request into the container's OCI spec, with docker's defaults where the user said nothing. */
final class SpecFactory {
    private static final List<String> ETC_FILES = List.of("hostname", "hosts", "resolv.conf");
    static final String IMAGE_ANNOTATION = "org.minicontainer.image";
    static final String IMAGE_ID_ANNOTATION = "org.minicontainer.image.id";
    /** docker's TERM for a terminal; a caller without one of its own gets it too. */
    static final String DEFAULT_TERM = "xterm";

    private SpecFactory() {}

    static Spec forRun(RunRequest request, String id, ContainerLayout layout, String hostname, RootFilesystem root,
            List<Path> lowerDirs, ImageRunConfig.Process process, List<Spec.Mount> userMounts,
            List<Spec.Mount> cgroupMounts) {
        return forRun(request, id, layout, hostname, root, lowerDirs, process, userMounts, cgroupMounts,
                DeviceAccess.resolve(List.of(), request.security().privileged()), DEFAULT_TERM);
    }

    /**
     * @param devices the devices already read from the host (--device, --privileged) and the device cgroup's rules
     * @param term    with -t, the container's TERM unless the image or the user set one: the caller's
     */
    static Spec forRun(RunRequest request, String id, ContainerLayout layout, String hostname, RootFilesystem root,
            List<Path> lowerDirs, ImageRunConfig.Process process, List<Spec.Mount> userMounts,
            List<Spec.Mount> cgroupMounts, DeviceAccess devices, String term) {
        ContainerSecurity security = request.security();
        Spec.Process specProcess = new Spec.Process(request.tty(),
                new Spec.User(process.uid(), process.gid(), process.additionalGids()), process.args(),
                environment(process.env(), hostname, request.tty() ? Optional.of(term) : Optional.empty()),
                process.cwd(), capabilities(security.capabilities(), process.uid()), security.noNewPrivileges(),
                request.confinement().ulimits());
        return new Spec(Spec.VERSION, specProcess,
                new Spec.Root(layout.rootfs(id).toString(), request.confinement().readOnly()), hostname,
                SecuritySpec.mounts(security, mounts(lowerDirs, id, layout, userMounts, cgroupMounts)),
                SecuritySpec.linux(security, namespaces(request.network(), layout.netns(id)), devices),
                annotations(request, root));
    }

    /** The image, and --group-add's names for exec --user, which resolves them again as docker does. */
    private static Map<String, String> annotations(RunRequest request, RootFilesystem root) {
        Map<String, String> annotations = new HashMap<>(Map.of(IMAGE_ANNOTATION, root.imageName(),
                IMAGE_ID_ANNOTATION, root.imageId()));
        if (!request.identity().groupAdd().isEmpty()) {
            annotations.put(GroupAdd.ANNOTATION, GroupAdd.annotation(request.identity().groupAdd()));
        }
        return annotations;
    }

    /** The caller's TERM, the terminal a container's is shown on; docker's xterm when it has none. */
    static String terminalType(Map<String, String> callerEnv) {
        String term = callerEnv.getOrDefault("TERM", "");
        return term.isEmpty() ? DEFAULT_TERM : term;
    }

    /** docker: PATH first, then HOSTNAME and (with a terminal) TERM unless the image or the user set one. */
    private static List<String> environment(List<String> env, String hostname, Optional<String> term) {
        EnvVars vars = new EnvVars();
        env.stream().filter(e -> e.startsWith("PATH=")).forEach(vars::put);
        vars.put("HOSTNAME=" + hostname);
        term.ifPresent(value -> vars.put("TERM=" + value));
        env.forEach(vars::put);
        return vars.toList();
    }

    /**
     * The set for root; a non-root user gets it as the bounding set only, as in docker (20.10 on): what
     * execve gives a non-root process, so it gains them only through setuid or file capabilities.
     */
    private static Spec.Capabilities capabilities(List<String> caps, long uid) {
        List<String> granted = uid == 0 ? caps : List.of();
        return new Spec.Capabilities(caps, granted, granted, List.of(), List.of());
    }

    /**
     * The overlay, docker's kernel file systems and /sys/fs/cgroup, the /etc files and the user's mounts. As in docker, a
     * user mount replaces ours at the same place, and parents are mounted before what is mounted in them.
     */
    private static List<Spec.Mount> mounts(List<Path> lowerDirs, String id, ContainerLayout layout,
            List<Spec.Mount> userMounts, List<Spec.Mount> cgroupMounts) {
        Set<String> taken = userMounts.stream().map(Spec.Mount::destination).collect(Collectors.toSet());
        List<Spec.Mount> mounts = new ArrayList<>();
        String lower = lowerDirs.stream().map(Path::toString).collect(Collectors.joining(":"));
        mounts.add(new Spec.Mount("/", "overlay", "overlay", List.of(
                "lowerdir=" + lower, "upperdir=" + layout.upper(id), "workdir=" + layout.work(id))));
        DockerDefaults.MOUNTS.stream().filter(m -> !taken.contains(m.destination())).forEach(mounts::add);
        cgroupMounts.stream().filter(m -> !taken.contains(m.destination())).forEach(mounts::add);
        List<Spec.Mount> files = new ArrayList<>();
        for (String file : ETC_FILES) {
            files.add(new Spec.Mount("/etc/" + file, "bind", layout.etcFile(id, file).toString(),
                    List.of("rbind", "rprivate")));
        }
        files.removeIf(m -> taken.contains(m.destination()));
        files.addAll(userMounts);
        files.sort(Comparator.comparingLong(m -> m.destination().chars().filter(c -> c == '/').count()));
        mounts.addAll(files);
        return mounts;
    }

    /** A bridge container joins the namespace the engine prepared (veth, address, route) by path. */
    private static List<Spec.Namespace> namespaces(NetworkMode network, Path netns) {
        List<Spec.Namespace> namespaces = new ArrayList<>(List.of(new Spec.Namespace("pid"),
                new Spec.Namespace("ipc"), new Spec.Namespace("uts"), new Spec.Namespace("mount"),
                new Spec.Namespace("cgroup")));
        if (network.isNone()) {
            namespaces.add(new Spec.Namespace("network"));
        } else if (network.isBridged()) {
            namespaces.add(new Spec.Namespace("network", netns.toString()));
        }
        return namespaces;
    }
}
