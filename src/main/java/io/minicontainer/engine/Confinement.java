package io.minicontainer.engine;

import io.minicontainer.oci.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What run was told about the container's reach beyond its defaults: a read-only root file system
 * ({@code --read-only}), resource limits ({@code --ulimit}, -1 unlimited) and host devices ({@code --device}).
 */
public record Confinement(boolean readOnly, List<Spec.Rlimit> ulimits, List<DeviceRequest> devices) {
    public static final Confinement NONE = new Confinement(false, List.of(), List.of());

    public Confinement {
        ulimits = List.copyOf(ulimits);
        devices = List.copyOf(devices);
    }

    /** docker inspect's HostConfig fields: ReadonlyRootfs, Devices ([] when none), Ulimits (null when none). */
    Map<String, Object> hostConfig() {
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("ReadonlyRootfs", readOnly);
        host.put("Devices", devices.stream().map(Confinement::deviceMapping).toList());
        List<Map<String, Object>> limits = new ArrayList<>();
        for (Spec.Rlimit limit : ulimits) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Name", Ulimits.describe(limit).split("=")[0]);
            entry.put("Hard", limit.hard());
            entry.put("Soft", limit.soft());
            limits.add(entry);
        }
        host.put("Ulimits", limits.isEmpty() ? null : limits);
        return host;
    }

    private static Map<String, Object> deviceMapping(DeviceRequest device) {
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("PathOnHost", device.pathOnHost());
        mapping.put("PathInContainer", device.pathInContainer());
        mapping.put("CgroupPermissions", device.permissions());
        return mapping;
    }

    /** From the flags' values, checked as docker's CLI checks them. */
    public static Confinement parse(boolean readOnly, List<String> ulimits, List<String> devices) {
        return new Confinement(readOnly, Ulimits.parse(ulimits), DeviceRequest.parseAll(devices));
    }
}
