package io.minicontainer.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.oci.Spec;
import io.minicontainer.oci.SpecBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Specs the compiler refuses, each with a message that names the field. */
class PlanCompilerErrorsTest {
    private final Compiling compiling = new Compiling();

    private void assertRefused(SpecBuilder spec, String message) {
        assertThatThrownBy(() -> compiling.compile(spec)).isInstanceOf(SpecException.class).hasMessage(message);
    }

    @Test
    void emptyArgsAreRefused() {
        assertRefused(SpecBuilder.spec().args(), "process.args: no command to run");
    }

    @Test
    void unknownCapabilityIsRefusedNamingItsSet() {
        Spec.Capabilities caps = new Spec.Capabilities(List.of("CAP_CHOWN"), List.of(), List.of(),
                List.of("CAP_TELEPORT"), List.of());

        assertRefused(SpecBuilder.spec().capabilities(caps),
                "process.capabilities.inheritable: unknown capability CAP_TELEPORT");
    }

    @Test
    void unknownNamespaceTypeIsRefused() {
        assertRefused(SpecBuilder.spec().namespaces(SpecBuilder.namespaces("mount", "time-travel")),
                "linux.namespaces: unknown type time-travel");
    }

    @Test
    void joiningANamespaceOtherThanTheNetworkByPathIsRefused() {
        assertRefused(SpecBuilder.spec().namespaces(List.of(new Spec.Namespace("mount"),
                        new Spec.Namespace("ipc", "/run/ipc/blue"))),
                "linux.namespaces: joining ipc namespace /run/ipc/blue is not supported yet");
    }

    @Test
    void userNamespaceWithoutItsRangeIsRefused() {
        assertRefused(SpecBuilder.spec().namespaces(SpecBuilder.namespaces("mount", "user")),
                "linux.namespaces: a user namespace needs annotation org.minicontainer.userns (its first host id)");
    }

    @Test
    void missingMountNamespaceIsRefused() {
        assertRefused(SpecBuilder.spec().namespaces(SpecBuilder.namespaces("pid", "uts")),
                "linux.namespaces: a mount namespace is required");
    }

    @Test
    void relativeMountDestinationIsRefused() {
        assertRefused(SpecBuilder.spec().mount("proc2", "proc", "proc"), "mounts: destination proc2 is not absolute");
    }

    @Test
    void missingBindSourceIsRefused() {
        assertRefused(SpecBuilder.spec().mount("/data", "bind", "/srv/gone", "rbind"),
                "mounts: bind source /srv/gone for /data does not exist");
    }

    @Test
    void aDestinationThatClimbsOutOfTheRootfsIsRefused() {
        assertRefused(SpecBuilder.spec().mount("/../../etc/cron.d", "tmpfs", "tmpfs"),
                "mounts: destination /../../etc/cron.d must not contain '..'");
    }
}
