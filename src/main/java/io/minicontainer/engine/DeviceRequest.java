package io.minicontainer.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * docker's {@code --device HOST[:CONTAINER][:PERMISSIONS]}: the container path defaults to the
 * host's, the cgroup permissions to rwm; a second part that reads as permissions is taken as such.
 */
public record DeviceRequest(String pathOnHost, String pathInContainer, String permissions) {

    /** Parses and checks a value as docker's CLI does, with its messages. */
    public static DeviceRequest parse(String value) {
        String[] parts = value.split(":", -1);
        if (parts.length > 3 || parts[0].isEmpty()) {
            throw invalid(value, "bad format for path: " + value);
        }
        String host = parts[0];
        String container = host;
        String permissions = "rwm";
        if (parts.length == 2 && isPermissions(parts[1])) {
            permissions = parts[1];
        } else if (parts.length >= 2) {
            container = parts[1];
        }
        if (parts.length == 3) {
            if (!isPermissions(parts[2])) {
                throw invalid(value, "bad mode specified: " + parts[2]);
            }
            permissions = parts[2];
        }
        if (!container.startsWith("/")) {
            throw invalid(value, container + " is not an absolute path");
        }
        return new DeviceRequest(host, Path.of(container).normalize().toString(), permissions);
    }

    /** Some of r, w and m, each at most once. */
    static boolean isPermissions(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c == 'r' || c == 'w' || c == 'm')
                && text.chars().distinct().count() == text.length();
    }

    public static List<DeviceRequest> parseAll(List<String> values) {
        return values.stream().map(DeviceRequest::parse).toList();
    }

    private static EngineException invalid(String value, String reason) {
        return new EngineException("invalid argument \"" + value + "\" for \"--device\" flag: " + reason);
    }
}
