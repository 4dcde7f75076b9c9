package io.minicontainer.engine;

import io.minicontainer.engine.volume.VolumeStore;
import io.minicontainer.oci.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container's mounts as docker's {@code inspect} shows them ({@code Mounts}): what the user asked
 * for, told apart from the mounts every container gets by its spec alone.
 */
public final class ContainerMounts {
    private ContainerMounts() {}

    /**
     * One map per user mount: Type (bind, volume, tmpfs), Name and Driver (volumes), Source,
     * Destination, Mode ("ro" when read-only; "z" for a writable volume, as docker's -v shows), RW,
     * Propagation (binds).
     */
    public static List<Map<String, Object>> inspect(Spec spec, ContainerLayout layout) {
        VolumeStore volumes = new VolumeStore(layout);
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Spec.Mount mount : spec.mounts()) {
            if (isEngines(mount, layout)) {
                continue;
            }
            boolean readOnly = mount.options().contains("ro");
            Optional<String> volume = mount.type().equals("bind") ? volumes.nameOf(mount.source()) : Optional.empty();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("Type", volume.isPresent() ? "volume" : mount.type());
            volume.ifPresent(name -> json.put("Name", name));
            json.put("Source", mount.type().equals("tmpfs") ? "" : mount.source());
            json.put("Destination", mount.destination());
            volume.ifPresent(name -> json.put("Driver", "local"));
            json.put("Mode", readOnly ? "ro" : volume.isPresent() ? "z" : "");
            json.put("RW", !readOnly);
            json.put("Propagation", mount.type().equals("bind") && volume.isEmpty() ? propagation(mount) : "");
            shown.add(json);
        }
        return shown;
    }

    /** The root, docker's default kernel file systems, and the /etc files from the container's directory. */
    private static boolean isEngines(Spec.Mount mount, ContainerLayout layout) {
        return mount.destination().equals("/") || DockerDefaults.MOUNTS.contains(mount)
                || mount.source().startsWith(layout.containersDir() + "/");
    }

    private static String propagation(Spec.Mount mount) {
        return mount.options().stream().filter(o -> o.matches("r?(private|shared|slave)")).findFirst().orElse("rprivate");
    }
}
