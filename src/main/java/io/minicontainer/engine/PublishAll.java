package io.minicontainer.engine;

import io.minicontainer.network.PortSpec;
import io.minicontainer.oci.ImageSpec.RunConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code -P}: every port the image exposes, and those of {@code --expose}, published on a free host port each,
 * after the ports given with {@code -p}; a container port {@code -p} already publishes is left to it.
 */
final class PublishAll {
    private PublishAll() {}

    static List<PortSpec> ports(RunRequest request, RunConfig image) {
        List<PortSpec> specs = new ArrayList<>(request.ports());
        if (!request.network().publishAll()) {
            return specs;
        }
        Set<String> given = new LinkedHashSet<>();
        specs.forEach(spec -> given.add(key(spec)));
        List<String> exposed = new ArrayList<>(image.exposedPorts());
        exposed.addAll(request.network().expose());
        for (String port : exposed) {
            for (PortSpec spec : PortSpec.parse(port)) {
                if (given.add(key(spec))) {
                    specs.add(spec);
                }
            }
        }
        return specs;
    }

    private static String key(PortSpec spec) {
        return spec.containerPort() + "/" + spec.protocol().keyword();
    }
}
