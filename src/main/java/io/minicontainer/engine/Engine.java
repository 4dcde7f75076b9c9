package io.minicontainer.engine;

import io.minicontainer.engine.RunRequest.NetworkMode;
import io.minicontainer.cgroups.Cgroup;
import io.minicontainer.cgroups.Cgroups;
import io.minicontainer.engine.ContainerNetworks.Joined;
import io.minicontainer.engine.NetworkSettings.Endpoint;
import io.minicontainer.network.BridgeNetwork.Attachment;
import io.minicontainer.network.Network;
import io.minicontainer.network.PortSpec;
import io.minicontainer.oci.Spec;
import io.minicontainer.oci.SpecJson;
import io.minicontainer.runtime.LaunchOptions;
import io.minicontainer.runtime.LaunchOptions.LogLimits;
import io.minicontainer.runtime.Launcher;
import io.minicontainer.runtime.Plan;
import io.minicontainer.runtime.PlanExplainer;
import io.minicontainer.state.ContainerStore;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Composes the rooms: validates a request, lays out the container, writes its bundle, hands it to the runtime. */
public final class Engine {
    private static final Pattern HOSTNAME = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9.-]{0,62})");
    private static final String ROOT_ONLY = "rwx------";
    private static final int SHORT_LAYER_NAMES_FROM = 16;

    private final ContainerLayout layout;
    private final ContainerStore containers;
    private final Launcher launcher;
    private final Map<String, String> callerEnv;
    private final Cgroups cgroups;

    public Engine(ContainerLayout layout, Launcher launcher, Map<String, String> callerEnv, Cgroups cgroups) {
        this.cgroups = cgroups;
        this.layout = layout;
        this.containers = layout.containers();
        this.launcher = launcher;
        this.callerEnv = callerEnv;
    }

    /**
     * Creates the container and starts it under a monitor of its own; this JVM then becomes the CLI's
     * half of the helper (attached, or printing the id for {@code -d}) and never returns.
     */
    @SuppressWarnings("try") // the lock is held until execve closes it, not used
    public void run(RunRequest request, ImageResolver images, PrintStream explainTo) {
        validate(request);
        DeviceAccess devices = DeviceAccess.resolve(request.confinement().devices(), request.security().privileged());
        LogLimits logLimits = LogOptions.parse(request.logOptions());
        List<String> userEnv = userEnvironment(request);
        RootFilesystem root = request.rootfs().map(RootFilesystem::directory)
                .orElseGet(() -> images.forRun(request.image().orElseThrow(), request.platform()));
        ImageRunConfig.Process process = ImageRunConfig.apply(root.config(), new ImageRunConfig.Overrides(
                request.command(), request.entrypoint(), userEnv, request.workdir(), request.user()), root.files());
        process = process.withMoreGroups(GroupAdd.resolve(request.identity().groupAdd(), root.files()));
        String id = newId();
        Rollback rollback = new Rollback();
        // Ctrl-C or a TERM while the JVM prepares: undo what exists; once execve has replaced the JVM,
        // hooks never run and the helper handles signals
        Thread undoOnSignal = new Thread(rollback::run, "rollback");
        Runtime.getRuntime().addShutdownHook(undoOnSignal);
        try (ContainerStore.Lock lock = containers.lock(id)) {
            rollback.created(containers.lockFile(id));
            Path nameFile = rollback.created(claimName(request, id));
            Path dir = rollback.created(createContainerDir(id));
            Optional<Path> range = remap(request, id, rollback);
            Cgroup cgroup = cgroups.create(id, request.resources().limits());
            rollback.undo(cgroup::destroy);
            cgroup.restrictDevices(devices.rules());
            List<Endpoint> endpoints = request.network().isBridged()
                    ? List.of(new Endpoint(request.network().name(), request.network().ip())) : List.of();
            ContainerNetworks networks = new ContainerNetworks(layout, callerEnv);
            List<PortSpec> portSpecs = PublishAll.ports(request, root.config());
            Joined joined = request.network().isBridged() ? networks.join(id, endpoints, (publisher, first) ->
                    publisher.publish(id, portSpecs, first.address(), first.bridge(), dir), rollback)
                    : Joined.NOTHING;
            String hostname = request.hostname().orElseGet(() -> defaultHostname(request, id));
            writeEtcFiles(id, hostname, request.network(), joined.attachments().stream().findFirst(), request.dns());
            String name = nameFile.getFileName().toString();
            networks.announce(id, name, joined.networks());
            rollback.undo(() -> networks.withdraw(id, joined.networks()));
            UserMounts.Prepared mounts = UserMounts.prepare(request.mounts(), layout, rollback);
            Spec spec = UsernsSpec.remapped(SpecFactory.forRun(request, id, layout, hostname, root, lowerDirs(id, root),
                    process, mounts.specMounts(), CgroupMounts.forHost(readHostFile("/proc/self/mountinfo")), devices,
                    SpecFactory.terminalType(callerEnv)), range.map(UsernsSpec::base));
            Files.writeString(layout.config(id), SpecJson.write(spec));
            Optional<Map<String, Object>> settings = request.network().isBridged() ? Optional.of(NetworkSettings.of(
                    joined.attachments(), joined.ports(), endpoints, id.substring(0, 12), name)) : Optional.empty();
            containers.writeRecord(ContainerJson.of(new ContainerJson.Facts(id, name, Instant.now(), request, root,
                    process, hostname, logLimits, layout.log(id).toString(), ContainerMounts.inspect(spec, layout),
                    settings)));
            List<String> owned = mounts.withAnonymousVolumes(UsernsSpec.withRange(List.of(dir.toString(),
                    nameFile.toString(), containers.lockFile(id).toString()), range));
            Plan plan = launcher.compile(spec, new LaunchOptions(request.interactive(), true,
                    removedAtExit(request.remove() ? owned : List.of(), joined), owned, Optional.of(dir.toString()),
                    logLimits, request.detach() ? Optional.of(id) : Optional.empty(), LaunchOptions.CgroupPaths.of(cgroup),
                    request.network().isBridged() ? List.of(layout.netns(id).toString()) : List.of(),
                    joined.ports().isEmpty() ? List.of() : PortPublisher.exitCommand(dir), request.attach()));
            if (request.explain()) {
                explainTo.print(PlanExplainer.explain(plan));
                explainTo.println("\n# Running it now.");
            }
            launcher.exec(plan, layout.plan(id));
        } catch (IOException e) {
            rollback.run();
            throw new UncheckedIOException("prepare container " + id + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollback.run();
            throw e;
        } finally {
            Runtime.getRuntime().removeShutdownHook(undoOnSignal); // reached only when no exec happened
        }
    }

    /**
     * Starts one more process in a running container; as with {@link #run}, this JVM becomes the
     * helper, whose exit code is the process's (or 0 at once for {@code -d}), and never returns.
     */
    public void exec(ExecRequest request) {
        new ContainerExec(containers, launcher, callerEnv, container -> cgroups.open(container.id())
                .map(cgroup -> LaunchOptions.CgroupPaths.of(cgroup).procsFiles()).orElse(List.of())).exec(request);
    }

    /** What the monitor removes when the container is gone: with --rm its files, always its leases. */
    static List<String> removedAtExit(List<String> owned, Joined joined) {
        List<String> paths = new ArrayList<>(owned);
        paths.addAll(joined.leaseFiles());
        return paths;
    }

    private void validate(RunRequest request) {
        NetworkMode network = request.network();
        if ((!request.ports().isEmpty() || network.publishAll()) && !network.isBridged()) {
            throw new EngineException("conflicting options: port publishing and the container type network mode"
                    + " (publish needs a bridge network)");
        }
        if (network.ip().isPresent() && (!network.isBridged() || network.name().equals(Network.DEFAULT))) {
            throw new EngineException("user specified IP address is supported on user defined networks only");
        }
        request.rootfs().ifPresent(Engine::validateRootfs);
        request.workdir().filter(w -> !w.startsWith("/")).ifPresent(w -> {
            throw new EngineException("the working directory '" + w + "' is invalid, it needs to be an absolute path");
        });
        request.hostname().filter(h -> !HOSTNAME.matcher(h).matches()).ifPresent(h -> {
            throw new EngineException("invalid hostname \"" + h + "\"");
        });
        request.name().ifPresent(ContainerNames::validate);
        if (!request.confinement().ulimits().isEmpty()) {
            HostLimits own = HostLimits.current();
            request.confinement().ulimits().stream().map(own::refusal).flatMap(Optional::stream).findFirst()
                    .ifPresent(reason -> {
                        throw new EngineException(reason);
                    });
        }
    }

    private static void validateRootfs(Path rootfs) {
        if (!Files.exists(rootfs)) {
            throw new EngineException("rootfs " + rootfs + ": no such directory");
        }
        if (!Files.isDirectory(rootfs)) {
            throw new EngineException("rootfs " + rootfs + ": not a directory");
        }
        if (rootfs.toString().matches(".*[,:\\\\].*")) {
            throw new EngineException("rootfs " + rootfs + ": a path with ',' ':' or '\\' cannot be an overlay layer");
        }
    }

    private List<String> userEnvironment(RunRequest request) {
        List<String> entries = new ArrayList<>();
        request.envFiles().forEach(file -> entries.addAll(EnvVars.parseFile(file, callerEnv)));
        request.env().forEach(value -> EnvVars.parseOption(value, callerEnv).ifPresent(entries::add));
        return entries;
    }

    private Path claimName(RunRequest request, String id) {
        ContainerNames names = new ContainerNames(layout.namesDir(), ThreadLocalRandom.current());
        return request.name().map(name -> names.claim(name, id)).orElseGet(() -> names.claimRandom(id));
    }

    /**
     * The overlay's lower layers. Many layers' full paths overflow the one page mount(2) takes for
     * its options (docker allows 127 layers): then each gets a short link in the container's
     * directory, lower/0, lower/1..., which the launch plan names relative to lower/.
     */
    private List<Path> lowerDirs(String id, RootFilesystem root) throws IOException {
        List<Path> layers = root.layersTopFirst();
        if (layers.size() <= SHORT_LAYER_NAMES_FROM) {
            return layers;
        }
        List<Path> links = new ArrayList<>();
        Files.createDirectory(layout.lowerLinks(id));
        for (int i = 0; i < layers.size(); i++) {
            links.add(Files.createSymbolicLink(layout.lowerLinks(id).resolve(Integer.toString(i)), layers.get(i)));
        }
        return links;
    }

    /** --userns=auto: a host range of the container's own; its upper layer (its "/") belongs to its root. */
    private Optional<Path> remap(RunRequest request, String id, Rollback rollback) throws IOException {
        if (!request.identity().remapped()) {
            return Optional.empty();
        }
        UsernsRanges ranges = new UsernsRanges(layout);
        Path range = rollback.created(ranges.file(ranges.allocate(id)));
        long base = UsernsSpec.base(range);
        Files.setAttribute(layout.upper(id), "unix:uid", (int) base);
        Files.setAttribute(layout.upper(id), "unix:gid", (int) base);
        return Optional.of(range);
    }

    private Path createContainerDir(String id) throws IOException {
        Files.createDirectories(layout.containersDir(), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(ROOT_ONLY)));
        Path dir = Files.createDirectory(layout.containerDir(id));
        Files.createDirectory(layout.rootfs(id));
        Files.createDirectory(layout.upper(id));
        Files.createDirectory(layout.work(id));
        return dir;
    }

    private void writeEtcFiles(String id, String hostname, NetworkMode network,
            Optional<Attachment> attachment, DnsOptions dns) throws IOException {
        StringBuilder hostsLines = new StringBuilder();
        boolean host = network.isHost();
        Files.writeString(layout.etcFile(id, "hostname"), EtcFiles.hostname(hostname));
        String hosts = host ? readHostFile("/etc/hosts")
                : attachment.map(a -> EtcFiles.hosts(a.address().toString(), hostname)).orElseGet(EtcFiles::hosts);
        dns.extraHosts().forEach(line -> hostsLines.append(line).append('\n'));
        Files.writeString(layout.etcFile(id, "hosts"), hosts + hostsLines);
        String resolvConf = readHostFile("/etc/resolv.conf");
        Files.writeString(layout.etcFile(id, "resolv.conf"), host && dns.equals(DnsOptions.NONE) ? resolvConf
                : EtcFiles.resolvConf(resolvConf, dns));
    }

    /** The short id, as docker does; with the host's network, the host's name, as docker does. */
    private static String defaultHostname(RunRequest request, String id) {
        return request.network().isHost() ? readHostFile("/proc/sys/kernel/hostname").strip()
                : id.substring(0, 12);
    }

    private static String readHostFile(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            return "";
        }
    }

    private static String newId() {
        try (FileInputStream random = new FileInputStream("/dev/urandom")) {
            return HexFormat.of().formatHex(random.readNBytes(32));
        } catch (IOException e) {
            throw new UncheckedIOException("read /dev/urandom: " + e.getMessage(), e);
        }
    }
}
