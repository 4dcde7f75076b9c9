package io.minicontainer.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilityTest {

    @Test
    void acceptsTheSpecNameWithCapPrefix() {
        assertThat(Capability.byName("CAP_SYS_ADMIN")).contains(Capability.SYS_ADMIN);
    }

    @Test
    void acceptsTheNameWithoutPrefix() {
        assertThat(Capability.byName("NET_RAW")).contains(Capability.NET_RAW);
    }

    @Test
    void acceptsLowerCase() {
        assertThat(Capability.byName("chown")).contains(Capability.CHOWN);
        assertThat(Capability.byName("cap_kill")).contains(Capability.KILL);
    }

    @Test
    void unknownNamesAreEmpty() {
        assertThat(Capability.byName("CAP_FLY")).isEmpty();
        assertThat(Capability.byName("CAP_")).isEmpty();
        assertThat(Capability.byName("")).isEmpty();
    }

    @Test
    void specNameHasTheCapPrefix() {
        assertThat(Capability.NET_BIND_SERVICE.specName()).isEqualTo("CAP_NET_BIND_SERVICE");
    }

    @Test
    void bitsAreTheKernelsCapabilityNumbers() {
        assertThat(Capability.CHOWN.bit()).isEqualTo(1L);
        assertThat(Capability.SETPCAP.bit()).isEqualTo(1L << 8);
        assertThat(Capability.SYS_ADMIN.bit()).isEqualTo(1L << 21);
        assertThat(Capability.SETFCAP.bit()).isEqualTo(1L << 31);
        assertThat(Capability.CHECKPOINT_RESTORE.bit()).isEqualTo(1L << 40);
    }

    @Test
    void dockersDefaultSetIsCapEffA80425fb() {
        List<String> docker = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD",
                "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
                "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");

        long mask = Capability.mask(docker.stream().map(name -> Capability.byName(name).orElseThrow()).toList());

        assertThat(mask).isEqualTo(0xa80425fbL);
    }

    @Test
    void maskOfNothingIsZero() {
        assertThat(Capability.mask(Set.of())).isZero();
    }
}
