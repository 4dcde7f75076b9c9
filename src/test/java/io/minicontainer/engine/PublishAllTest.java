package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.network.PortSpec;
import io.minicontainer.oci.ImageSpec.RunConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublishAllTest {
    private static RunConfig exposing(String... ports) {
        return new RunConfig("", List.of(), null, List.of("sh"), "", List.of(ports), Map.of(), "");
    }

    private static RunRequest request(List<String> publish, boolean publishAll, List<String> expose) {
        return new RunRequest(Optional.empty(), Optional.of("img"), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), false, false, false, List.of(),
                List.of(), new RunRequest.NetworkMode("bridge", Optional.empty(), publishAll, expose), false, List.of(),
                List.of(), HostResources.none(), PortSpec.parseAll(publish));
    }

    private static List<String> published(RunRequest request, RunConfig image) {
        return PublishAll.ports(request, image).stream().map(p -> p.hostPortFirst() + ":" + p.containerPort() + "/"
                + p.protocol().keyword()).toList();
    }

    @Test
    void withoutMinusCapitalPOnlyWhatMinusPSays() {
        assertThat(published(request(List.of("8080:80"), false, List.of("90")), exposing("80/tcp", "53/udp")))
                .containsExactly("8080:80/tcp");
    }

    @Test
    void minusCapitalPAddsTheImagesPortsAndExposedOnesOnFreeHostPorts() {
        assertThat(published(request(List.of("8080:80"), true, List.of("9000-9001/udp")), exposing("80/tcp", "53/udp")))
                .containsExactly("8080:80/tcp", "0:53/udp", "0:9000/udp", "0:9001/udp");
    }
}
