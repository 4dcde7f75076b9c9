package io.minicontainer.engine.mount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.engine.EngineException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountRequestsTest {
    private static final Path CWD = Path.of("/work");

    @Test
    void volumesThenMountsThenTmpfs() {
        List<MountRequest> requests = MountRequests.parse(List.of("/a:/a"), List.of("type=tmpfs,dst=/b"),
                List.of("/c"), CWD);
        assertThat(requests).extracting(MountRequest::target).containsExactly("/a", "/b", "/c");
    }

    @Test
    void twoMountsOnOnePlaceAreRefusedWhateverTheirFlags() {
        assertThatThrownBy(() -> MountRequests.parse(List.of("/a:/x", "v1:/x/"), List.of(), List.of(), CWD))
                .isInstanceOf(EngineException.class).hasMessage("Duplicate mount point: /x");
        assertThatThrownBy(() -> MountRequests.parse(List.of("/a:/x"), List.of(), List.of("/x"), CWD))
                .hasMessage("Duplicate mount point: /x");
        assertThatThrownBy(() -> MountRequests.parse(List.of(), List.of("type=bind,src=/a,dst=/x"), List.of("/x:size=1m"),
                CWD)).hasMessage("Duplicate mount point: /x");
    }

    @Test
    void devIsTheContainersOwn() {
        assertThatThrownBy(() -> MountRequests.parse(List.of("/dev:/dev"), List.of(), List.of(), CWD))
                .hasMessage("mounting on /dev is not supported: the container gets a /dev of its own");
    }

    @Test
    void nothingGivenIsNothing() {
        assertThat(MountRequests.parse(List.of(), List.of(), List.of(), CWD)).isEmpty();
    }
}
