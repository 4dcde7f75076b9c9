package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.runtime.Capability;
import org.junit.jupiter.api.Test;

class DockerDefaultsTest {

    @Test
    void defaultCapabilitiesAreDockersCapEff() {
        long mask = Capability.mask(DockerDefaults.CAPABILITIES.stream()
                .map(name -> Capability.byName(name).orElseThrow()).toList());

        assertThat(mask).isEqualTo(0xa80425fbL);
    }
}
