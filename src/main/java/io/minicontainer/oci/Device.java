package io.minicontainer.oci;

/**
 * One of the spec's {@code linux.devices}: a device node the runtime creates in the container's /dev
 * (a privileged container gets the host's). {@code type} is {@code c} or {@code b}.
 */
public record Device(String path, String type, long major, long minor, int fileMode, long uid, long gid) {}
